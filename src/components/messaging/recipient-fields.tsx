"use client";

import { useNormalisedPhoneHint } from "@/components/phone/normalised-phone-hint";
import { FormField, fieldDescribedBy } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

interface DeviceOption {
  deviceId: string;
  deviceName: string;
  phoneNumber: string | null;
}

/** "Send from" picker over the caller's connected devices, shared by every form that sends a message. */
export function ConnectedDeviceField(props: {
  id: string;
  label: string;
  placeholder: string;
  devices: DeviceOption[];
  value: string;
  onChange: (deviceId: string) => void;
  error?: string;
}) {
  const { id, error } = props;
  return (
    <FormField id={id} label={props.label} error={error}>
      <Select value={props.value} onValueChange={props.onChange}>
        <SelectTrigger id={id} aria-invalid={Boolean(error)} aria-describedby={fieldDescribedBy(id, error)}>
          <SelectValue placeholder={props.placeholder} />
        </SelectTrigger>
        <SelectContent>
          {props.devices.map((d) => (
            <SelectItem key={d.deviceId} value={d.deviceId}>
              {d.deviceName}
              {d.phoneNumber ? ` · ${d.phoneNumber}` : ""}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </FormField>
  );
}

/** Recipient phone input; below it, the number as it will be sent (the same rule the server applies). */
export function RecipientPhoneField(props: { id: string; label: string; hint: string; value: string; onChange: (value: string) => void; error?: string }) {
  const { id, error } = props;
  const hint = useNormalisedPhoneHint(props.value, props.hint);
  return (
    <FormField id={id} label={props.label} error={error} hint={hint}>
      <Input
        id={id}
        type="tel"
        inputMode="tel"
        placeholder="0812 3456 7890"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={fieldDescribedBy(id, error, hint)}
      />
    </FormField>
  );
}
