// Command links for hovers and document links: the one place that builds `command:` URIs.

/**
 * Every character but unreserved ones percent-encoded. encodeURIComponent leaves `( ) ! ' *` alone, and a `)` in an
 * argument (an entity named "Acme (UK)") would end a Markdown link early and break it.
 */
export function encodeUriComponentFully(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `command:<id>?<JSON args, fully encoded>`: safe inside a Markdown link target and a DocumentLink. */
export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeUriComponentFully(JSON.stringify(args))}`;
}

/**
 * A Markdown link `[label](command:… "title")` that runs `command` with `args`. `label` and `title` are our own
 * words (not article text): brackets and quotes in them are escaped anyway.
 */
export function commandLink(label: string, command: string, args: readonly unknown[], title?: string): string {
  const text = label.replace(/[\\[\]]/g, '\\$&');
  const tooltip = title === undefined ? '' : ` "${title.replace(/[\\"]/g, '\\$&')}"`;
  return `[${text}](${commandUri(command, args)}${tooltip})`;
}
