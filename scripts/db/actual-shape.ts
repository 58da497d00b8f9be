import type { Connection } from "mariadb";
import type { DatabaseShape, TableShape } from "./schema-shape";

interface ColumnRow {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  COLUMN_TYPE: string;
  IS_NULLABLE: string;
  COLUMN_DEFAULT: string | null;
  EXTRA: string;
}
interface IndexRow {
  TABLE_NAME: string;
  INDEX_NAME: string;
  NON_UNIQUE: number | bigint;
  COLUMN_NAME: string;
}
interface FkRow {
  TABLE_NAME: string;
  CONSTRAINT_NAME: string;
  COLUMN_NAME: string;
  REFERENCED_TABLE_NAME: string;
  REFERENCED_COLUMN_NAME: string;
  DELETE_RULE: string;
  UPDATE_RULE: string;
}

function normaliseDefault(row: ColumnRow): string | null {
  if (row.EXTRA.toLowerCase().includes("auto_increment")) return "autoincrement";
  if (row.COLUMN_DEFAULT === null) return null;
  const d = row.COLUMN_DEFAULT.toLowerCase() === "current_timestamp(3)" ? "current_timestamp(3)" : row.COLUMN_DEFAULT;
  return d;
}

export async function actualShape(conn: Connection, database: string): Promise<DatabaseShape> {
  const columns = (await conn.query(
    `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [database],
  )) as ColumnRow[];
  const indexes = (await conn.query(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME
       FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [database],
  )) as IndexRow[];
  const fks = (await conn.query(
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [database],
  )) as FkRow[];

  const shape: DatabaseShape = new Map();
  const table = (name: string): TableShape => {
    let t = shape.get(name);
    if (!t) {
      t = { name, columns: [], primaryKey: [], indexes: [], foreignKeys: [] };
      shape.set(name, t);
    }
    return t;
  };
  for (const c of columns) {
    table(c.TABLE_NAME).columns.push({
      name: c.COLUMN_NAME,
      type: c.COLUMN_TYPE.toLowerCase(),
      nullable: c.IS_NULLABLE === "YES",
      default: normaliseDefault(c),
    });
  }
  const fkNames = new Set(fks.map((f) => `${f.TABLE_NAME}.${f.CONSTRAINT_NAME}`));
  for (const i of indexes) {
    const t = table(i.TABLE_NAME);
    if (i.INDEX_NAME === "PRIMARY") {
      t.primaryKey.push(i.COLUMN_NAME);
      continue;
    }
    // MySQL creates an index named after a foreign key when no other index can back it; Prisma does not declare those.
    if (Number(i.NON_UNIQUE) === 1 && fkNames.has(`${i.TABLE_NAME}.${i.INDEX_NAME}`)) continue;
    let idx = t.indexes.find((x) => x.name === i.INDEX_NAME);
    if (!idx) {
      idx = { name: i.INDEX_NAME, unique: Number(i.NON_UNIQUE) === 0, columns: [] };
      t.indexes.push(idx);
    }
    idx.columns.push(i.COLUMN_NAME);
  }
  for (const f of fks) {
    const t = table(f.TABLE_NAME);
    let fk = t.foreignKeys.find((x) => x.name === f.CONSTRAINT_NAME);
    if (!fk) {
      fk = {
        name: f.CONSTRAINT_NAME,
        columns: [],
        referencedTable: f.REFERENCED_TABLE_NAME,
        referencedColumns: [],
        onDelete: f.DELETE_RULE,
        onUpdate: f.UPDATE_RULE,
      };
      t.foreignKeys.push(fk);
    }
    fk.columns.push(f.COLUMN_NAME);
    fk.referencedColumns.push(f.REFERENCED_COLUMN_NAME);
  }
  return shape;
}
