// An organization record with every list empty, for tests to state only the fields they are about. Used by
// tests only.
import type { OrgId } from './ids.ts';
import type { Organization } from './model.ts';

export function testOrganization(fields: Partial<Organization> = {}): Organization {
  return {
    id: 'x' as OrgId,
    name: 'X',
    kind: 'manufacturer',
    naics: [],
    capabilities: [],
    certifications: [],
    trains: [],
    needs: [],
    ...fields,
  };
}
