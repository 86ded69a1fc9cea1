export * from "./sqlite";
export * from "./http";
export * from "./options";
export * from "./csv";
export * from "./graphql-http";
export * from "./topology";
