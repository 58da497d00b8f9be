"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The /sandbox page's controls: thin hooks over the admin-only `sandbox` router, which proxies the sandbox control API. */
export type ReceiptMode = "read" | "delivered" | "none";

export function useSandboxEnabled() {
  const trpc = useTRPC();
  return useQuery(trpc.sandbox.enabled.queryOptions());
}

export function useSandboxAccounts() {
  const trpc = useTRPC();
  // Held messages of an offline phone change in the sandbox process, which emits no app events: watch while any is offline.
  return useQuery(trpc.sandbox.accounts.queryOptions(undefined, { refetchInterval: (query) => (query.state.data?.some((a) => !a.online) ? 2000 : false) }));
}

export function useSandboxAccountDetail(phone: string | null) {
  const trpc = useTRPC();
  const input = { phone: phone ?? "" };
  // The virtual phone lives in another process and emits no app events: watch it by polling while the page is open.
  const opts = { enabled: phone !== null, refetchInterval: 2000 };
  return {
    devices: useQuery(trpc.sandbox.linkedDevices.queryOptions(input, opts)),
    inbox: useQuery(trpc.sandbox.inbox.queryOptions(input, opts)),
    outbox: useQuery(trpc.sandbox.outbox.queryOptions(input, opts)),
  };
}

function useInvalidateSandbox() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.sandbox.pathKey() });
}

export function useCreateSandboxAccount() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.createAccount.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useScanDevice() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.scanDevice.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useEnterPairingCode() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.enterPairingCode.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useSandboxSendText() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.sendText.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useSandboxSendMedia() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.sendMedia.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useSetReceipts() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.setReceipts.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useSetOnline() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.setOnline.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useNotOnWhatsApp() {
  const trpc = useTRPC();
  return useQuery(trpc.sandbox.notOnWhatsApp.queryOptions());
}

export function useMarkNotOnWhatsApp() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.markNotOnWhatsApp.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useClearNotOnWhatsApp() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.clearNotOnWhatsApp.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

/** The phone's groups, and the chat of the one picked; polled like the rest of the phone (the sandbox emits no app events). */
export function useSandboxGroups(phone: string) {
  const trpc = useTRPC();
  return useQuery(trpc.sandbox.groups.queryOptions({ phone }, { refetchInterval: 2000 }));
}

export function useSandboxGroupMessages(phone: string, groupId: string | null) {
  const trpc = useTRPC();
  return useQuery(trpc.sandbox.groupMessages.queryOptions({ phone, groupId: groupId ?? "" }, { enabled: groupId !== null, refetchInterval: 2000 }));
}

export function useCreateSandboxGroup() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.createGroup.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}

export function useSandboxSendGroupText() {
  const trpc = useTRPC();
  return useMutation(trpc.sandbox.sendGroupText.mutationOptions({ onSuccess: useInvalidateSandbox() }));
}
