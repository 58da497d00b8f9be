import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getT } from "@/i18n/server";

/** The sign-up page while an admin keeps public sign-up closed (the default on a new install). */
export async function SignupClosed() {
  const t = await getT();
  return (
    <Card data-testid="signup-closed">
      <CardHeader>
        <CardTitle>{t("signupClosed.title")}</CardTitle>
        <CardDescription>{t("signupClosed.body")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild className="w-full">
          <Link href="/auth/login">{t("auth.register.toLogin")}</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
