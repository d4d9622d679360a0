/**
 * The HttpClient port over UrlFetchApp (STYLE: hexagonal-google-apps-script's GasHttpClient), and
 * HMAC-SHA256 for the robots' signatures. muteHttpExceptions, so a 4xx or 5xx comes back as an
 * answer to classify rather than an exception; a request that never gets an answer (a timeout, a
 * host outside the manifest's urlFetchWhitelist) still throws.
 */
import type { HmacBase64, HttpRequest, HttpResponse } from '../domain/robots/channel';

export interface HttpClient {
  fetch(request: HttpRequest): HttpResponse;
}

export const gasHttpClient: HttpClient = {
  fetch(request) {
    const response = UrlFetchApp.fetch(request.url, {
      method: request.method,
      contentType: request.contentType,
      payload: request.payload,
      muteHttpExceptions: true,
    });
    return { status: response.getResponseCode(), body: response.getContentText() };
  },
};

/** base64(HMAC-SHA256(key, message)), both as UTF-8 (Utilities' default charset). */
export const gasHmac: HmacBase64 = (key, message) =>
  Utilities.base64Encode(Utilities.computeHmacSha256Signature(message, key));
