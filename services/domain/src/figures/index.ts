export * from "./columns";
export * from "./store";
export * from "./publishing";
export * from "./figure-index";
