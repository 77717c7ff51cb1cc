// "Change Entity Type": the surface form is a person/place/organization of another type; remembered in the lexicon.
// The change applies to every surface form of the same entity ("US", "U.S.", "United States": the article's aliases
// and the workspace index's linking), and the forms are listed for a yes before anything is changed.
import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType, type LexiconEntry } from '../../core/nlp/analysisModel';
import { withIndefiniteArticle } from '../../core/text/indefiniteArticle';
import type { AnalysisService } from '../analysisService';
import type { AnnotationService } from '../annotationService';
import type { ArticleDocuments } from '../articleDocuments';
import type { WorkspaceIndex } from '../workspaceIndex';
import { entityArgs, type EntityTarget, isEntityType, mentionsOf, resolveEntity } from '../commandTargets/entityTarget';
import { offerLexiconUndo } from './rejectEntity';


export function changeEntityType(annotations: AnnotationService, articles: ArticleDocuments, analysis: AnalysisService, index?: WorkspaceIndex) {
  return async (rawArgs?: unknown): Promise<LexiconEntry | undefined> => {
    const args = entityArgs(rawArgs) as ReturnType<typeof entityArgs> & { forms?: unknown };
    const target = await resolveEntity(analysis, articles, args);
    if (!target) return undefined;
    let type: EntityType | undefined = isEntityType(args.type) ? args.type : undefined;
    if (args.type !== undefined && !type) throw new RangeError(`Unknown entity type ${String(args.type)}; use one of ${ENTITY_TYPES.join(', ')}.`);
    if (!type) {
      const picked = await vscode.window.showQuickPick(
        ENTITY_TYPES.filter((t) => t !== target.mention?.type).map((t) => ({ label: t, type: t })),
        { title: `“${target.text}” is…`, placeHolder: target.mention ? `Now ${withIndefiniteArticle(target.mention.type)}` : 'Not an entity yet' },
      );
      type = picked?.type;
    }
    if (!type) return undefined;
    // every spelling of the same entity changes with it; the user sees the list first ('all' or 'one' as an argument skips it)
    const others = (await surfaceForms(target, analysis, articles, index)).filter((f) => f !== target.text);
    let forms = [target.text];
    if (others.length > 0 && args.forms !== 'one') {
      if (args.forms !== 'all') {
        // a quick pick, not a modal: every form ticked, Enter applies, a form can be left out, Escape changes nothing
        const picked = await vscode.window.showQuickPick(
          [target.text, ...others].map((form) => ({ label: form, picked: true, description: form === target.text ? 'at the cursor' : 'the same entity' })),
          { canPickMany: true, title: `Make “${target.text}” ${withIndefiniteArticle(type)} in every article, with its other forms`, placeHolder: 'The forms to change (Enter to change the ticked ones)' },
        );
        if (!picked || picked.length === 0) return undefined;
        forms = picked.map((p) => p.label);
      } else forms = [target.text, ...others];
    }
    // 'accept' with a type also finds the form where the rules did not; 'retype' changes what the rules found.
    const entry: LexiconEntry = { text: forms.includes(target.text) ? target.text : forms[0]!, action: target.mention || !forms.includes(target.text) ? 'retype' : 'accept', type };
    const entries = forms.map((text): LexiconEntry => (text === entry.text ? entry : { text, action: 'retype', type }));
    const previous = new Map(forms.map((f) => [f, annotations.lexicon.find((e) => e.text === f)]));
    if (entries.length === 1) await annotations.addLexiconEntry(entry);
    else await annotations.setLexicon([...annotations.lexicon.filter((e) => !forms.includes(e.text)), ...entries]);
    if (target.key !== '' && target.start < target.end && forms.includes(target.text)) annotations.reportCorrections(target.sourceText, [{ start: target.start, end: target.end, type }]);
    const named = forms.length === 1 ? `“${entry.text}” is` : `${forms.map((f) => `“${f}”`).join(', ')} are`;
    offerLexiconUndo(annotations, forms, previous, `Article Annotator: ${named} now ${withIndefiniteArticle(type)}, in every article.`);
    return entry;
  };
}

/** The distinct surface forms of the entity: its mentions in the article (one canonical name) and in the workspace index. */
async function surfaceForms(target: EntityTarget, analysis: AnalysisService, articles: ArticleDocuments, index: WorkspaceIndex | undefined): Promise<string[]> {
  const mention = target.mention;
  if (!mention) return [target.text];
  const forms = new Set<string>([target.text]);
  const article = target.article ?? articles.all().find((a) => a.key === target.key);
  const local = article ? await mentionsOf(analysis, article) : [];
  for (const m of local) if (m.type === mention.type && m.canonical === mention.canonical) forms.add(m.text);
  const linked = index?.corpus.corpusEntityOf(target.key, mention);
  for (const alias of linked?.aliases ?? []) forms.add(alias);
  return [...forms].filter((f) => f.trim() !== '');
}
