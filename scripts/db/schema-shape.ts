/** The database shape that matters for drift: what Prisma needs to agree with the migrated tables. */
export interface ColumnShape {
  name: string;
  type: string; // lower-case column type as information_schema.COLUMN_TYPE spells it on MariaDB (json -> longtext)
  nullable: boolean;
  default: string | null; // normalised: null = none, "autoincrement", "current_timestamp(3)", or a literal
}

export interface IndexShape {
  name: string;
  unique: boolean;
  columns: string[];
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string; // CASCADE | SET NULL | RESTRICT | NO ACTION
  onUpdate: string;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export type DatabaseShape = Map<string, TableShape>;

export function diffShapes(expected: DatabaseShape, actual: DatabaseShape): string[] {
  const problems: string[] = [];
  for (const [name, want] of expected) {
    const have = actual.get(name);
    if (!have) {
      problems.push(`table ${name} is missing`);
      continue;
    }
    const haveCols = new Map(have.columns.map((c) => [c.name, c]));
    for (const col of want.columns) {
      const got = haveCols.get(col.name);
      if (!got) {
        problems.push(`${name}.${col.name} is missing`);
        continue;
      }
      if (got.type !== col.type) problems.push(`${name}.${col.name} has type ${got.type}, schema says ${col.type}`);
      if (got.nullable !== col.nullable)
        problems.push(`${name}.${col.name} is ${got.nullable ? "nullable" : "NOT NULL"}, schema says ${col.nullable ? "nullable" : "NOT NULL"}`);
      if (got.default !== col.default) problems.push(`${name}.${col.name} default is ${got.default}, schema says ${col.default}`);
    }
    for (const col of have.columns) {
      if (!want.columns.some((c) => c.name === col.name)) problems.push(`${name}.${col.name} exists but is not in the schema`);
    }
    if (want.primaryKey.join(",") !== have.primaryKey.join(","))
      problems.push(`${name} primary key is (${have.primaryKey.join(", ")}), schema says (${want.primaryKey.join(", ")})`);
    const key = (i: IndexShape) => `${i.unique ? "unique" : "index"} ${i.name}(${i.columns.join(",")})`;
    const haveIdx = new Set(have.indexes.map(key));
    const wantIdx = new Set(want.indexes.map(key));
    for (const k of wantIdx) if (!haveIdx.has(k)) problems.push(`${name}: ${k} is missing`);
    for (const k of haveIdx) if (!wantIdx.has(k)) problems.push(`${name}: ${k} exists but is not in the schema`);
    const fkKey = (f: ForeignKeyShape) =>
      `${f.name}(${f.columns.join(",")}) -> ${f.referencedTable}(${f.referencedColumns.join(",")}) on delete ${f.onDelete} on update ${f.onUpdate}`;
    const haveFk = new Set(have.foreignKeys.map(fkKey));
    const wantFk = new Set(want.foreignKeys.map(fkKey));
    for (const k of wantFk) if (!haveFk.has(k)) problems.push(`${name}: foreign key ${k} is missing`);
    for (const k of haveFk) if (!wantFk.has(k)) problems.push(`${name}: foreign key ${k} exists but is not in the schema`);
  }
  for (const name of actual.keys()) {
    if (!expected.has(name) && name !== "_prisma_migrations") problems.push(`table ${name} exists but is not in the schema`);
  }
  return problems;
}
