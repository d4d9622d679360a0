/**
 * UrlFetchApp.fetch over in-memory endpoints (the fake group robots, emulator/robots.ts); nothing
 * leaves the machine. What real Apps Script does and this copies:
 * - the call needs the `script.external_request` scope when the manifest lists scopes
 *   (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object),
 *   "Authorization": https://www.googleapis.com/auth/script.external_request);
 * - with a urlFetchWhitelist in the manifest, a URL outside every prefix is refused
 *   (https://developers.google.com/apps-script/manifest/allowlist-url);
 * - an HTTP status of 400 or more throws "Request failed for … returned code N" unless
 *   muteHttpExceptions is set (the fetch(url, params) parameters table, same page);
 * - a host nobody answers for throws "Address unavailable: <url>" (the wording users quote; guess
 *   at its exact form), and a URL outside the allowlist throws (wording a guess).
 */
import { type EmulatorContext, gasError, permissionError } from '../core';

export const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';

export interface FetchedRequest {
  readonly url: string;
  readonly method: string;
  readonly contentType: string;
  readonly payload: string;
}

export interface EndpointAnswer {
  readonly status: number;
  readonly body: string;
}

/** Answers the requests to URLs it knows; undefined for any other URL. */
export type Endpoint = (request: FetchedRequest) => EndpointAnswer | undefined;

export interface EmulatedUrlFetch {
  UrlFetchApp: Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, 'fetch'>;
  /** Adds an endpoint (the fake robots add theirs). */
  emuAddEndpoint(endpoint: Endpoint): void;
}

export function createUrlFetchApp(
  ctx: EmulatorContext,
  options: { scopes: Set<string> | null; whitelist: readonly string[] | null },
): EmulatedUrlFetch {
  const endpoints: Endpoint[] = [];
  function fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) {
    ctx.calls.record('UrlFetchApp.fetch');
    if (options.scopes && !options.scopes.has(EXTERNAL_REQUEST_SCOPE))
      throw permissionError('UrlFetchApp.fetch', EXTERNAL_REQUEST_SCOPE);
    if (options.whitelist && !options.whitelist.some((prefix) => url.startsWith(prefix)))
      throw gasError(`Exception: URL is not allowlisted in the manifest: ${url}`);
    const payload = params.payload;
    const request: FetchedRequest = {
      url,
      method: String(params.method ?? 'get').toLowerCase(),
      contentType: params.contentType ?? '',
      payload: typeof payload === 'string' ? payload : payload === undefined ? '' : JSON.stringify(payload),
    };
    let answer: EndpointAnswer | undefined;
    for (const endpoint of endpoints) {
      answer = endpoint(request);
      if (answer) break;
    }
    if (!answer) throw gasError(`Address unavailable: ${url}`);
    if (answer.status >= 400 && !params.muteHttpExceptions)
      throw gasError(
        `Request failed for ${new URL(url).origin} returned code ${answer.status}. Truncated server response: ${answer.body.slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    const { status, body } = answer;
    return {
      getResponseCode: () => status,
      getContentText: () => body,
      getHeaders: () => ({ 'Content-Type': 'application/json; charset=UTF-8' }),
    } as unknown as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }
  return {
    UrlFetchApp: { fetch },
    emuAddEndpoint(endpoint) {
      endpoints.push(endpoint);
    },
  };
}
