/** The dashboards' operations the gateway benchmark drives, with the values each answer must hold. */
export interface BenchQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Text the answer must contain (checked once per gateway before measuring). */
  shows: string[];
}

const period = "period { label start end basis }";
const source = "source { document locator }";

export const BENCH_QUERIES: BenchQuery[] = [
  {
    name: "dashboard",
    shows: [`"count":11258`, `"status":"NOT_COVERED"`, `"basis":"SUGGESTED"`],
    query: `query Dashboard { partnerships { code name
        priorities { id title ${period} csaAlignment { basis score priority { id title } } }
        crimeStatistics { category { id name } localLabel count ${period} ${source} } }
      county { agreement { priorities { id title coverage { partnership { code } status priorities { title } } } } } }`,
  },
  {
    name: "one partnership in full",
    shows: [`"Police and Crime Commissioner Locality Funding"`, `"Beat 56"`],
    query: `query Partnership($code: ID!) { partnership(code: $code) { code name districts { name onsCode }
        priorities { id title description theme { title } ${period} focusAreas { text } csaAlignment { basis priority { id } } }
        plans { id title current themes { title } }
        crimeStatistics { category { id } localLabel count ${period} ${source} differingFigures { count } change { previous { count } difference percent } }
        areas { name crimeStatistics { count localLabel period { label } } }
        targets { localLabel status baseline { count } outcome { count } }
        funding { label amount { pounds } allocations { purpose amount { pounds } } unallocated { pounds } }
        partners { name } rateTables { title rows { name values { value rank } } } } }`,
    variables: { code: "charnwood" },
  },
  {
    name: "county totals 2017/18",
    shows: [`"total":41325`],
    query: `query CountyTotals { county { crimeTotals(category: "all-crime", start: "2017-04-01", end: "2018-03-31") {
        total complete ratePer1000 sources { document locator } change { previousTotal difference percent }
        partnerships { partnership { code name } count ratePer1000 rank rateRank population { year count } change { previous { count period { label } } difference percent } }
        missing { partnership { code } reason } } } }`,
  },
  {
    name: "priority search",
    shows: [`"domestic-abuse"`],
    query: `query DomesticAbuse { county { prioritySearch(csaPriority: "domestic-abuse", currentOnly: true) {
        matches { partnership { code name } priority { title } theme { title } period { label } alignment { basis score priority { id } evidence { kind value } } } } } }`,
  },
];
