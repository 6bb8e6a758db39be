export declare const SYSTEM_CHROMIUMS: string[];
export declare function chromiumExecutable(
  env?: Record<string, string | undefined>,
  exists?: (path: string) => boolean,
): string | undefined;
