import internals from "@prisma/internals";
import type { ColumnShape, DatabaseShape, ForeignKeyShape, IndexShape, TableShape } from "./schema-shape";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUpdatedAt?: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}

interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  dbName?: string | null;
  fields: Array<{ name: string }>;
}

interface DmmfEnum {
  name: string;
  values: Array<{ name: string; dbName?: string | null }>;
}

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

function columnType(field: DmmfField, enums: Map<string, DmmfEnum>): string {
  if (field.kind === "enum") {
    const e = enums.get(field.type);
    if (!e) throw new Error(`unknown enum ${field.type}`);
    return `enum(${e.values.map((v) => `'${v.dbName ?? v.name}'`).join(",")})`;
  }
  const native = field.nativeType;
  if (native) {
    const [kind, args] = native;
    switch (kind) {
      case "VarChar":
        return `varchar(${args[0]})`;
      case "Text":
        return "text";
      case "MediumText":
        return "mediumtext";
      case "Date":
        return "date";
      case "MediumBlob":
        return "mediumblob";
      default:
        throw new Error(`native type @db.${kind} is not mapped by the drift check yet`);
    }
  }
  switch (field.type) {
    case "String":
      return "varchar(191)";
    case "Int":
      return "int(11)";
    case "BigInt":
      return "bigint(20)";
    case "Boolean":
      return "tinyint(1)";
    case "DateTime":
      return "datetime(3)";
    case "Float":
      return "double";
    case "Json":
      return "longtext"; // MariaDB stores JSON as LONGTEXT with a json_valid CHECK
    case "Bytes":
      return "longblob";
    default:
      throw new Error(`scalar ${field.type} is not mapped by the drift check yet`);
  }
}

function columnDefault(field: DmmfField): string | null {
  if (!field.hasDefaultValue) return null;
  const d = field.default;
  if (d && typeof d === "object" && "name" in d) {
    const name = (d as { name: string }).name;
    if (name === "autoincrement") return "autoincrement";
    if (name === "now") return "current_timestamp(3)";
    throw new Error(`default function ${name} is not mapped by the drift check yet`);
  }
  if (typeof d === "boolean") return d ? "1" : "0";
  if (typeof d === "number") return String(d);
  if (typeof d === "string") return field.kind === "enum" || field.type === "String" ? `'${d}'` : d;
  throw new Error(`default ${JSON.stringify(d)} on ${field.name} is not mapped`);
}

export async function expectedShape(datamodel: string): Promise<DatabaseShape> {
  const dmmf = await internals.getDMMF({ datamodel });
  const dm = dmmf.datamodel as unknown as { models: DmmfModel[]; enums: DmmfEnum[]; indexes: DmmfIndex[] };
  const enums = new Map(dm.enums.map((e) => [e.name, e]));
  const models = new Map(dm.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const colOf = (m: DmmfModel, fieldName: string) => {
    const f = m.fields.find((x) => x.name === fieldName);
    return f?.dbName ?? fieldName;
  };
  const shape: DatabaseShape = new Map();
  for (const model of dm.models) {
    const table = tableOf(model);
    const columns: ColumnShape[] = model.fields
      .filter((f) => f.kind === "scalar" || f.kind === "enum")
      .map((f) => ({
        name: f.dbName ?? f.name,
        type: columnType(f, enums),
        nullable: !f.isRequired,
        default: columnDefault(f) ?? (f.isRequired ? null : "NULL"),
      }));
    const idField = model.fields.find((f) => f.isId);
    const primaryKey = idField ? [colOf(model, idField.name)] : (model.primaryKey?.fields ?? []).map((n) => colOf(model, n));
    const indexes: IndexShape[] = dm.indexes
      .filter((i) => i.model === model.name && (i.type === "unique" || i.type === "normal"))
      .map((i) => {
        const columnsOfIndex = i.fields.map((f) => colOf(model, f.name));
        const suffix = i.type === "unique" ? "key" : "idx";
        return { name: i.dbName ?? `${table}_${columnsOfIndex.join("_")}_${suffix}`, unique: i.type === "unique", columns: columnsOfIndex };
      });
    const foreignKeys: ForeignKeyShape[] = model.fields
      .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
      .map((f) => {
        const target = models.get(f.type);
        if (!target) throw new Error(`unknown relation target ${f.type}`);
        const from = (f.relationFromFields ?? []).map((n) => colOf(model, n));
        const optional = (f.relationFromFields ?? []).some((n) => !model.fields.find((x) => x.name === n)?.isRequired);
        return {
          name: `${table}_${from.join("_")}_fkey`,
          columns: from,
          referencedTable: tableOf(target),
          referencedColumns: (f.relationToFields ?? []).map((n) => colOf(target, n)),
          onDelete: REFERENTIAL_ACTIONS[f.relationOnDelete ?? (optional ? "SetNull" : "Restrict")] ?? "RESTRICT",
          onUpdate: REFERENTIAL_ACTIONS[f.relationOnUpdate ?? "Cascade"] ?? "CASCADE",
        };
      });
    const tableShape: TableShape = { name: table, columns, primaryKey, indexes, foreignKeys };
    shape.set(table, tableShape);
  }
  return shape;
}
