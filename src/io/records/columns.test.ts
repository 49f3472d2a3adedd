import { describe, expect, it } from 'vitest';
import {
  PRIME_TRANSACTION_COLUMNS,
  PRIME_TRANSACTION_KEYS,
  recordKindOf,
  SUBAWARD_COLUMNS,
  SUBAWARD_KEYS,
} from './columns.ts';
import { firmId } from './pipeline.ts';

describe('recordKindOf', () => {
  it('knows contract prime transactions and subawards by their headers', () => {
    expect(recordKindOf([...PRIME_TRANSACTION_COLUMNS])).toEqual({ kind: 'prime-transactions', missing: [] });
    expect(recordKindOf([...SUBAWARD_COLUMNS])).toEqual({ kind: 'subawards', missing: [] });
    expect(recordKindOf(['subaward_amount', 'prime_award_unique_key'])).toEqual({
      kind: 'subawards',
      missing: SUBAWARD_KEYS.filter((k) => k !== 'subaward_amount'),
    });
  });

  it('lists the key columns a recognised file lacks, matching headers as written (case, spaces)', () => {
    const header = [
      ' Contract_Transaction_Unique_Key',
      ...PRIME_TRANSACTION_KEYS.filter((k) => k !== 'recipient_name'),
    ];
    expect(recordKindOf(header)).toEqual({ kind: 'prime-transactions', missing: ['recipient_name'] });
  });

  it('says which download to take instead of an assistance or award summary file', () => {
    expect(recordKindOf(['assistance_transaction_unique_key'])).toMatchObject({ kind: null });
    const problemOf = (headers: string[]) => {
      const verdict = recordKindOf(headers);
      return verdict.kind === null ? verdict.problem : '';
    };
    expect(problemOf(['assistance_award_unique_key'])).toContain('download "Contracts" prime transactions');
    expect(problemOf(['contract_award_unique_key'])).toContain('download "Prime Transactions"');
    expect(problemOf(['id', 'name'])).toContain('not that of a USAspending');
  });
});

describe('firmId', () => {
  it('is the UEI, or a slug of the name for a record without one', () => {
    expect(firmId('AAAAAAAAAAA1')).toBe('AAAAAAAAAAA1');
    expect(firmId('NAME:ECHO TOOLING, INC.')).toBe('name-echo-tooling-inc');
    expect(firmId('NAME:***')).toBe('name-unnamed');
  });
});
