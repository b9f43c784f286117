/**
 * Cohere sends the arguments of a tool without parameters as `""` or as the JSON text `null`;
 * callers expect a JSON object, so both become `{}`. Anything else is passed on as the model wrote it.
 */
export function normalizeCohereToolArguments(args: string | null | undefined): string {
  const trimmed = args?.trim() ?? '';
  return trimmed === '' || trimmed === 'null' ? '{}' : (args as string);
}
