import * as assert from 'node:assert/strict';
import { licenceUrl } from '../../../src/core/article/licence';

describe('licenceUrl', () => {
  it('finds the Creative Commons deed of a licence sentence', () => {
    assert.equal(licenceUrl('This article is licensed under a Creative Commons Attribution 4.0 International License.'), 'https://creativecommons.org/licenses/by/4.0/');
    assert.equal(licenceUrl('Licensed under the Creative Commons Attribution-NonCommercial-ShareAlike 3.0 Unported licence'), 'https://creativecommons.org/licenses/by-nc-sa/3.0/');
    assert.equal(licenceUrl('Creative Commons Attribution-NoDerivatives 4.0'), 'https://creativecommons.org/licenses/by-nd/4.0/');
    assert.equal(licenceUrl('Published under CC BY-SA 2.0.'), 'https://creativecommons.org/licenses/by-sa/2.0/');
    assert.equal(licenceUrl('Dedicated to the public domain under CC0.'), 'https://creativecommons.org/publicdomain/zero/1.0/');
  });

  it('is undefined for other statements', () => {
    assert.equal(licenceUrl('All rights reserved.'), undefined);
    assert.equal(licenceUrl('Creative Commons licence, see the site'), undefined);
  });
});
