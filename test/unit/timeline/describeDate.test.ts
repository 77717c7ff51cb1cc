// How a resolved date reads in hovers, the Timeline view and the chart.
import * as assert from 'node:assert/strict';
import { describeDateValue } from '../../../src/core/timeline/describeDate';

describe('describeDateValue', () => {
  it('says a day with its weekday, a month and a year as they are', () => {
    assert.equal(describeDateValue('2021-08-12'), 'Thursday, 12 August 2021 (2021-08-12)');
    assert.equal(describeDateValue('2021-08'), 'August 2021');
    assert.equal(describeDateValue('2021'), '2021');
  });

  it('says a range of days or months bound by bound, and a decade or century by its years', () => {
    assert.equal(describeDateValue({ from: '2021-08', to: '2021-10' }), 'August 2021 to October 2021');
    assert.equal(describeDateValue({ from: '1990-01-01', to: '1999-12-31' }), '1990 to 1999');
    assert.equal(describeDateValue({ from: '1800-01-01', to: '1899-12-31' }), '1800 to 1899');
    assert.match(describeDateValue({ from: '2021-01-01', to: '2021-03-31' }), /^Friday, 1 January 2021 .* to Wednesday, 31 March 2021/);
  });

  it('says a vague stretch by its bound', () => {
    assert.equal(describeDateValue({ notAfter: '2021-08-12' }), 'not after Thursday, 12 August 2021 (2021-08-12)');
    assert.equal(describeDateValue({ notBefore: '2021-08' }), 'not before August 2021');
  });

  it('leaves a value it cannot read as it is', () => {
    assert.equal(describeDateValue('--07-04'), '--07-04');
  });
});
