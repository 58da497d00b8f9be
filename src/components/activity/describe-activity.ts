import type { TranslatePlural } from "@/i18n/translate";
import type { PlainMessageKey, Translate } from "@/i18n/types";

type Details = Readonly<Record<string, string>>;

interface Formatters {
  t: Translate;
  plural: TranslatePlural;
  dateTime: (value: Date | string) => string;
}

const FIELD_LABELS: Record<string, PlainMessageKey> = {
  fullName: "activity.fields.fullName",
  email: "activity.fields.email",
  name: "activity.fields.name",
  phone: "activity.fields.phone",
  notes: "activity.fields.notes",
  tagIds: "activity.fields.tags",
};

const DEVICE_STATUS: Record<string, PlainMessageKey> = {
  connected: "deviceStatus.connected",
  qr_required: "deviceStatus.qr_required",
  connecting: "deviceStatus.connecting",
  disconnected: "deviceStatus.disconnected",
  logged_out: "deviceStatus.logged_out",
};

const MEDIA_KINDS: Record<string, PlainMessageKey> = {
  image: "media.kinds.image",
  video: "media.kinds.video",
  audio: "media.kinds.audio",
  document: "media.kinds.document",
  sticker: "media.kinds.sticker",
};

/** "fullName, email" → "full name, email" in the reader's language; unknown fields are left out, never shown raw. */
function fieldList(raw: string | undefined, t: Translate): string {
  const names = (raw ?? "").split(", ").flatMap((field) => (FIELD_LABELS[field] ? [t(FIELD_LABELS[field])] : []));
  return names.join(", ");
}

function quoted(name: string | undefined, t: Translate): string {
  return name ? `“${name}”` : t("activity.facts.unnamed");
}

/** The device by its current (or recorded) name; "a device that no longer exists" when neither is known. */
function device(details: Details, t: Translate): string {
  return details.deviceName ? `“${details.deviceName}”` : t("activity.facts.deletedDevice");
}

function count(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

/**
 * One sentence with the particulars of an activity entry, built from its recorded details in the reader's
 * language — names instead of internal ids, words instead of keys. Null when there is nothing worth adding.
 */
export function describeActivityDetails(action: string, details: Details, f: Formatters): string | null {
  const { t, plural } = f;
  switch (action) {
    case "profile.update":
    case "contact.update": {
      const fields = fieldList(details.fields ?? details.changed, t);
      return fields ? t("activity.facts.changed", { fields }) : null;
    }
    case "device.connect":
    case "device.disconnect":
    case "device.pairingCode":
    case "device.cancelAndWipe":
    case "scheduled.cancel":
      return t("activity.facts.device", { device: device(details, t) });
    case "device.create":
      return details.ownerName ? t("activity.facts.deviceFor", { device: device(details, t), owner: details.ownerName }) : t("activity.facts.device", { device: device(details, t) });
    case "device.delete":
      return details.phoneNumber ? t("activity.facts.deviceWithNumber", { device: device(details, t), phone: details.phoneNumber }) : t("activity.facts.device", { device: device(details, t) });
    case "device.wipe": {
      const status = DEVICE_STATUS[details.previousStatus ?? ""];
      return status ? t("activity.facts.deviceWasStatus", { device: device(details, t), status: t(status).toLowerCase() }) : t("activity.facts.device", { device: device(details, t) });
    }
    case "device.assign":
      return t("activity.facts.assigned", {
        device: device(details, t),
        from: details.fromOwnerName ?? t("activity.facts.someone"),
        to: details.toOwnerName ?? t("activity.facts.someone"),
      });
    case "contact.create":
      return details.phone ? t("activity.facts.number", { phone: details.phone }) : null;
    case "contact.delete":
      return details.phone ? t("activity.facts.contact", { name: quoted(details.name, t), phone: details.phone }) : null;
    case "contact.setTags":
      return plural("activity.facts.tagCount", details.tagIds ? details.tagIds.split(", ").length : 0);
    case "contact.importCsv":
      return t("activity.facts.imported", { total: count(details.total), created: count(details.created), updated: count(details.updated), failed: count(details.failed) });
    case "contact.export": {
      const tags = details.tagIds ? details.tagIds.split(", ").length : 0;
      const parts: string[] = [];
      if (details.search) parts.push(t("activity.facts.exportSearch", { search: details.search }));
      if (tags > 0) parts.push(plural(details.tagMatch === "all" ? "activity.facts.exportAllTags" : "activity.facts.exportAnyTag", tags));
      return parts.length > 0 ? t("activity.facts.exportFiltered", { filter: parts.join(", ") }) : t("activity.facts.exportAll");
    }
    case "contact.syncFromDevice":
      return t("activity.facts.synced", { device: device(details, t), created: count(details.created), updated: count(details.updated) });
    case "tag.create":
    case "tag.delete":
      return quoted(details.name, t);
    case "tag.rename":
      return t("activity.facts.renamed", { from: quoted(details.from, t), to: quoted(details.to, t) });
    case "template.create":
      return quoted(details.name ?? details.templateName, t);
    case "template.update":
      return t("activity.facts.templateVersion", { template: quoted(details.templateName, t), version: count(details.version) });
    case "template.delete":
      return plural("activity.facts.templateVersions", count(details.versions), { template: quoted(details.name, t) });
    case "template.use":
      return t("activity.facts.templateUsed", { template: quoted(details.templateName, t), version: count(details.version), device: device(details, t) });
    case "scheduled.create": {
      const when = details.scheduleTime ? f.dateTime(details.scheduleTime) : t("common.none");
      const kind = MEDIA_KINDS[details.mediaType ?? ""];
      return kind
        ? t("activity.facts.scheduledWithMedia", { device: device(details, t), when, kind: t(kind).toLowerCase() })
        : t("activity.facts.scheduled", { device: device(details, t), when });
    }
    case "user.updateLimits":
      return t("activity.facts.limits", {
        devices: details.maxDevices ?? t("activity.facts.noLimit"),
        messages: details.dailyMessageLimit ?? t("activity.facts.noLimit"),
      });
    default:
      return null;
  }
}
