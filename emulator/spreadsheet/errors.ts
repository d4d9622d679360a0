/** Apps Script surfaces service failures as errors named "Exception" whose message is the text below. */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}
