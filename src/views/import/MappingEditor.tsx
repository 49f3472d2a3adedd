// The column-mapping step of an import: for each CSV, JSON, GeoJSON or network file, which column (property,
// node attribute) fills each field, and for a CSV whether it holds organizations or links, as labelled
// selects. Every change re-runs the import.
import { useId } from 'react';
import type { ColumnMapping, MappingTarget } from '../../io/import/column-mapping.ts';
import {
  autoDetectMapping,
  FIELD_LABELS,
  LINK_FIELDS,
  ORGANIZATION_FIELDS,
} from '../../io/import/column-mapping.ts';
import type { ImportedFile } from '../../io/import/import-files.ts';

interface MappingEditorProps {
  file: ImportedFile;
  index: number;
  mapping: ColumnMapping;
  /** GeoJSON holds points only, so it cannot be switched to links. */
  canSwitchTarget: boolean;
  disabled?: boolean;
  onChange(mapping: ColumnMapping): void;
}

const NOT_USED = '';
/** What a field is taken from, by format: a network file maps its nodes' attributes. */
const HOLDERS: Partial<Record<NonNullable<ImportedFile['format']>, string>> = {
  gexf: 'Node attributes',
  graphml: 'Node attributes',
  geojson: 'Properties',
};

export function MappingEditor({
  file,
  index,
  mapping,
  canSwitchTarget,
  disabled = false,
  onChange,
}: MappingEditorProps) {
  const id = useId();
  const headers = file.headers ?? [];
  const fields: readonly string[] = mapping.target === 'organizations' ? ORGANIZATION_FIELDS : LINK_FIELDS;
  const columns = mapping.columns as Record<string, string | null>;
  const setField = (field: string, column: string) => {
    const next = { ...columns, [field]: column === NOT_USED ? null : column };
    onChange({ target: mapping.target, columns: next } as ColumnMapping);
  };
  const setTarget = (target: MappingTarget) => onChange(autoDetectMapping(headers, target));

  return (
    <fieldset className="import-mapping" data-testid={`import-mapping-${index}`} disabled={disabled}>
      <legend>
        {HOLDERS[file.format ?? 'organizations'] ?? 'Columns'} of {file.name}
      </legend>
      {canSwitchTarget && (
        <div className="import-mapping-row">
          <label htmlFor={`${id}-target`}>This file holds</label>
          <select
            id={`${id}-target`}
            data-testid={`import-mapping-target-${index}`}
            value={mapping.target}
            onChange={(event) => setTarget(event.target.value === 'links' ? 'links' : 'organizations')}
          >
            <option value="organizations">organizations (one firm per row)</option>
            <option value="links">links (one supplier → buyer per row)</option>
          </select>
        </div>
      )}
      <div className="import-mapping-grid">
        {fields.map((field) => (
          <div className="import-mapping-row" key={field}>
            <label htmlFor={`${id}-${field}`}>{FIELD_LABELS[field as keyof typeof FIELD_LABELS]}</label>
            <select
              id={`${id}-${field}`}
              data-testid={`import-mapping-${index}-${field}`}
              value={columns[field] ?? NOT_USED}
              onChange={(event) => setField(field, event.target.value)}
            >
              <option value={NOT_USED}>(not used)</option>
              {headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
