import "../styles/site.css"; import { startPage } from "../page"; startPage(async () => {});
