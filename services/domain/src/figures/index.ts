export * from "./columns";
export * from "./store";
export * from "./publishing";
export * from "./figure-index";
export * from "./differing-figures";
export * from "./corrections";
