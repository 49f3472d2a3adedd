// The USAspending download columns the public-records pipeline reads, by their exact header names (from the
// usaspending-api repository's contract download column lists), and how a file's header tells its kind.
// Header names are matched as they are written, lower case with underscores.

/** Contract prime transactions (`Contracts_PrimeTransactions_*.csv`): the columns the pipeline reads. */
export const PRIME_TRANSACTION_COLUMNS = [
  'contract_transaction_unique_key',
  'contract_award_unique_key',
  'recipient_uei',
  'recipient_name',
  'cage_code',
  'recipient_city_name',
  'recipient_state_code',
  'recipient_zip_4_code',
  'prime_award_transaction_recipient_county_fips_code',
  'prime_award_transaction_place_of_performance_county_fips_code',
  'naics_code',
  'naics_description',
  'awarding_agency_code',
  'awarding_sub_agency_name',
  'federal_action_obligation',
  'action_date',
  'action_date_fiscal_year',
] as const;

/** Without these a prime transactions file cannot be used; the others may be missing (read as empty). */
export const PRIME_TRANSACTION_KEYS = [
  'recipient_name',
  'awarding_agency_code',
  'federal_action_obligation',
  'action_date_fiscal_year',
] as const;

/** Contract subawards (`Contracts_Subawards_*.csv`): the columns the pipeline reads. */
export const SUBAWARD_COLUMNS = [
  'prime_awardee_uei',
  'prime_awardee_name',
  'prime_awardee_county_fips_code',
  'subawardee_uei',
  'subawardee_name',
  'subawardee_city_name',
  'subawardee_state_code',
  'subawardee_country_code',
  'subawardee_zip_code',
  'prime_award_naics_code',
  'prime_award_awarding_agency_code',
  'subaward_amount',
  'subaward_action_date_fiscal_year',
] as const;

export const SUBAWARD_KEYS = [
  'prime_awardee_name',
  'subawardee_name',
  'prime_award_awarding_agency_code',
  'subaward_amount',
  'subaward_action_date_fiscal_year',
] as const;

/** Census County Business Patterns county file (`cbpYYco.txt`): the columns read. */
export const CBP_COLUMNS = ['fipstate', 'fipscty', 'naics', 'emp', 'est'] as const;
export const CBP_KEYS = CBP_COLUMNS;

/**
 * SAM.gov public entity extract, V2 (`SAM_PUBLIC_MONTHLY_V2_YYYYMMDD.dat`, or its UTF-8 twin): one entity a
 * line, fields split by `|`, no header row, a `BOF` line first and an `EOF` line last. The fields read, by their
 * 1-based position in SAM's data dictionary (X1 UEI, X4 CAGE, X12 legal business name, X16 physical address,
 * X18 city, X19 state, X20 ZIP, X22 country, X33 primary NAICS, X35 the NAICS list, `~`-separated, each a
 * 6-digit code and a size flag). Positions from a published methodology citing SAM's Nov 2023 data dictionary,
 * and the same in a public loader of the Feb 2026 extract; not checked against the dictionary itself.
 */
export const SAM_FIELDS = {
  uei: 1,
  cage: 4,
  name: 12,
  address: 16,
  city: 18,
  state: 19,
  zip: 20,
  country: 22,
  primary_naics: 33,
  naics: 35,
} as const;

export type RecordKind = 'prime-transactions' | 'subawards' | 'cbp' | 'sam';

/** What a file's header says it is: a kind the pipeline reads, or why it is not one. */
export type HeaderVerdict = { kind: RecordKind; missing: string[] } | { kind: null; problem: string };

/**
 * The kind of a USAspending download from its header. A contract prime transactions file names
 * `contract_transaction_unique_key`; a contract subawards file `subaward_amount` and `prime_award_unique_key`
 * or `subawardee_name`; a Census County Business Patterns county file `fipstate`, `fipscty` and `naics`. Other USAspending files (assistance, award summaries) get a sentence saying which
 * download to take instead; `missing` lists the key columns a recognised file lacks.
 */
export function recordKindOf(headers: readonly string[]): HeaderVerdict {
  const has = new Set(headers.map((h) => h.trim().toLowerCase()));
  const missingOf = (keys: readonly string[]) => keys.filter((key) => !has.has(key));
  if (has.has('contract_transaction_unique_key'))
    return { kind: 'prime-transactions', missing: missingOf(PRIME_TRANSACTION_KEYS) };
  if (has.has('subaward_amount') && (has.has('subawardee_name') || has.has('prime_award_unique_key')))
    return { kind: 'subawards', missing: missingOf(SUBAWARD_KEYS) };
  if (has.has('fipstate') && has.has('fipscty') && has.has('naics'))
    return { kind: 'cbp', missing: missingOf(CBP_KEYS) };
  if (has.has('assistance_transaction_unique_key') || has.has('assistance_award_unique_key'))
    return {
      kind: null,
      problem:
        'this is a financial assistance download (grants, loans), not contracts; download "Contracts" prime transactions instead',
    };
  if (has.has('contract_award_unique_key'))
    return {
      kind: null,
      problem:
        'this is a prime award summaries download (one row per award, no fiscal year per action); download "Prime Transactions" instead',
    };
  return {
    kind: null,
    problem:
      'the header is not that of a USAspending contract prime transactions or subawards download (no contract_transaction_unique_key or subaward_amount column)',
  };
}
