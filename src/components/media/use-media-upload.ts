"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Translate } from "@/i18n/types";
import { useT } from "@/i18n/provider";
import { mediaKindOf, type SendableMediaKind } from "@/lib/media/media-kinds";
import { useTRPC } from "@/trpc/react";
import { useFormatBytes } from "./format-bytes";

/** POST /api/media's answer: the stored file, with the kind and MIME type the server sniffed from the bytes. */
export interface UploadedMedia {
  id: number;
  kind: SendableMediaKind;
  mimeType: string;
  size: number;
  fileName: string | null;
  sha256: string;
}

export type MediaUploadErrorCode = "UNAUTHORIZED" | "BAD_REQUEST" | "TOO_LARGE" | "EMPTY" | "NETWORK" | "FAILED" | "ABORTED";

/** Why a file was not uploaded. `limit` and `kind` are set when the browser refused it before uploading. */
export class MediaUploadError extends Error {
  constructor(
    readonly code: MediaUploadErrorCode,
    readonly detail: { kind?: SendableMediaKind; limit?: number; size?: number; serverMessage?: string } = {},
  ) {
    super(detail.serverMessage ?? code);
    this.name = "MediaUploadError";
  }
}

const SERVER_CODES: readonly MediaUploadErrorCode[] = ["UNAUTHORIZED", "BAD_REQUEST", "TOO_LARGE", "EMPTY"];

function serverError(status: number, body: unknown): MediaUploadError {
  const payload = typeof body === "object" && body !== null ? (body as { code?: unknown; error?: unknown }) : {};
  const serverMessage = typeof payload.error === "string" ? payload.error : undefined;
  const code = SERVER_CODES.find((c) => c === payload.code);
  if (code) return new MediaUploadError(code, { serverMessage });
  if (status === 401) return new MediaUploadError("UNAUTHORIZED", { serverMessage });
  if (status === 413) return new MediaUploadError("TOO_LARGE", { serverMessage });
  return new MediaUploadError("FAILED", { serverMessage });
}

function isUploadedMedia(body: unknown): body is UploadedMedia {
  return typeof body === "object" && body !== null && typeof (body as { id?: unknown }).id === "number" && typeof (body as { kind?: unknown }).kind === "string";
}

/**
 * Uploads one file to POST /api/media. XMLHttpRequest rather than fetch: only it reports upload progress. The name
 * travels URI-encoded in X-File-Name; the body goes as application/octet-stream and the server sniffs the bytes.
 */
export function uploadMedia(
  file: File,
  opts: { onProgress?: (loaded: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<UploadedMedia> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new MediaUploadError("ABORTED"));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.responseType = "json";
    xhr.setRequestHeader("x-file-name", encodeURIComponent(file.name));
    // The server sniffs the real type; this one marks the body as an upload (a cross-site form cannot send it).
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (event) => opts.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status === 201 && isUploadedMedia(body)) resolve(body);
      else reject(serverError(xhr.status, body));
    };
    xhr.onerror = () => reject(new MediaUploadError("NETWORK"));
    xhr.onabort = () => reject(new MediaUploadError("ABORTED"));
    opts.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** Per-kind size limits in bytes; they change only with the server's configuration. */
export function useMediaLimits() {
  const trpc = useTRPC();
  return useQuery(trpc.message.mediaLimits.queryOptions(undefined, { staleTime: Infinity }));
}

/** One readable sentence for an upload problem, in the reader's language (the server's own messages are English). */
export function mediaUploadErrorMessage(error: MediaUploadError, t: Translate, bytes: (n: number) => string): string {
  switch (error.code) {
    case "TOO_LARGE": {
      const { kind, limit, size } = error.detail;
      if (kind && limit !== undefined && size !== undefined) return `${t("media.errors.tooLarge", { size: bytes(size) })} ${t(`media.limits.${kind}`, { limit: bytes(limit) })}`;
      return t("media.errors.tooLargeServer");
    }
    case "EMPTY":
      return t("media.errors.empty");
    case "UNAUTHORIZED":
      return t("common.sessionEnded");
    default:
      return t("media.errors.uploadFailed");
  }
}

export type MediaAttachmentState =
  | { file: File; phase: "uploading"; loaded: number; total: number }
  | { file: File; phase: "done"; media: UploadedMedia }
  | { file: File; phase: "error"; error: MediaUploadError };

/**
 * A file chosen to send: checked against the kind's limit, then uploaded at once so the server's verdict (its sniffed
 * kind, or a refusal) is known while the user writes the caption. Choosing another file or clearing aborts the upload
 * in flight; `ready()` waits for the current upload when the user presses Send before it finished.
 */
export function useMediaAttachment() {
  const t = useT();
  const bytes = useFormatBytes();
  const limits = useMediaLimits().data;
  const [state, setState] = useState<MediaAttachmentState | null>(null);
  const current = useRef<{ controller: AbortController; promise: Promise<UploadedMedia>; file: File } | null>(null);

  useEffect(() => () => current.current?.controller.abort(), []);

  const pick = (file: File) => {
    current.current?.controller.abort();
    current.current = null;
    const kind = mediaKindOf(file.type);
    const limit = limits?.[kind];
    if (limit !== undefined && file.size > limit) {
      setState({ file, phase: "error", error: new MediaUploadError("TOO_LARGE", { kind, limit, size: file.size }) });
      return;
    }
    const controller = new AbortController();
    const isCurrent = () => current.current?.controller === controller;
    setState({ file, phase: "uploading", loaded: 0, total: file.size });
    const promise = uploadMedia(file, {
      signal: controller.signal,
      onProgress: (loaded, total) => {
        if (isCurrent()) setState({ file, phase: "uploading", loaded, total });
      },
    });
    current.current = { controller, promise, file };
    promise.then(
      (media) => {
        if (isCurrent()) setState({ file, phase: "done", media });
      },
      (error: unknown) => {
        if (isCurrent()) setState({ file, phase: "error", error: error instanceof MediaUploadError ? error : new MediaUploadError("NETWORK") });
      },
    );
  };

  const clear = () => {
    current.current?.controller.abort();
    current.current = null;
    setState(null);
  };

  /** Clears the attachment only if it is still `file`: the user may have picked the next one while it was sent. */
  const clearIfStill = (file: File) => {
    if (current.current?.file === file) clear();
  };

  /** The uploaded file, once the upload in flight (if any) has finished; rejects if there is none or it failed. */
  const ready = (): Promise<UploadedMedia> => current.current?.promise ?? Promise.reject(new MediaUploadError("ABORTED"));

  const kind: SendableMediaKind | null = state ? (state.phase === "done" ? state.media.kind : mediaKindOf(state.file.type)) : null;
  const mimeType = state ? (state.phase === "done" ? state.media.mimeType : state.file.type) : null;
  const error = state?.phase === "error" ? mediaUploadErrorMessage(state.error, t, bytes) : null;
  const retryable = state?.phase === "error" && (state.error.code === "NETWORK" || state.error.code === "FAILED");
  return { state, kind, mimeType, error, retryable, pick, retry: () => state && pick(state.file), clear, clearIfStill, ready };
}

export type MediaAttachment = ReturnType<typeof useMediaAttachment>;
