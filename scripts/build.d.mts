// Types of build.mjs for the TypeScript callers (bench).
export declare const DIST: string;
export declare function stale(): boolean;
export declare function build(): Promise<void>;
export declare const TYPES: string;
export declare function typesStale(): boolean;
export declare function buildTypes(): void;
