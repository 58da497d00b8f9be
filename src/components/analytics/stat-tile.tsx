import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";

export function StatTile({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardContent className="grid gap-1 p-4">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <p className="text-2xl font-semibold tabular-nums">{value}</p>
        {detail ? <p className="text-xs text-muted-foreground">{detail}</p> : null}
      </CardContent>
    </Card>
  );
}

export const percent = (rate: number) => `${Math.round(rate * 100)}%`;
