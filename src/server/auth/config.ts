import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "../errors";
import { verifyCredentials } from "../services/auth/verify-credentials";
import { clientIp } from "../security/client-ip";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: "admin" | "user"; username: string; email: string; sessionVersion: number };
  }
  interface User {
    id: string;
    role: "admin" | "user";
    username: string;
    email: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: number;
    role: "admin" | "user";
    username: string;
    sv: number;
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/auth/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { identifier: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const identifier = credentials?.identifier ?? "";
        const password = credentials?.password ?? "";
        if (!identifier || !password) throw new Error("Enter your username or email and your password");
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers ?? {})) if (typeof v === "string") headers.set(k, v);
        try {
          const user = await verifyCredentials({ identifier, password, ip: clientIp(headers) });
          return { ...user, id: String(user.id) };
        } catch (error) {
          // next-auth passes the thrown message to the client as `error`.
          if (isAppError(error)) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.username = user.username;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        role: token.role,
        username: token.username,
        email: token.email ?? "",
        sessionVersion: token.sv,
      };
      return session;
    },
  },
};
