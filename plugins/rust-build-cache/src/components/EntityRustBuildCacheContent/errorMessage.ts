import { ResponseError } from '@backstage/errors';

/** The server's own message of a failed request (e.g. "No pull provider supports …"). */
export function errorMessage(error: Error): string {
  if (error instanceof ResponseError) {
    return error.body.error.message || error.message;
  }
  return error.message;
}
