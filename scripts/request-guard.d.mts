export declare const MAX_URL_LENGTH: number;
export declare function rejectMalformedRequest(
  target: string,
): { status: number; reason: string } | undefined;
export declare function originFormOf(target: string): string;
export declare function answerMethod(
  method: string | undefined,
): { status: number; reason: string; allow: string } | undefined;
