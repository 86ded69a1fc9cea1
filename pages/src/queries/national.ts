/**
 * A partnership's national position: the Home Office's tables and police.uk's months, from the
 * national subgraph. Its own request, so an outage of the national subgraph shows in its panel only.
 */
const period = `period { label start end basis }`;

export const nationalPositionQuery = /* GraphQL */ `
query NationalPosition($code: ID!, $category: ID!) {
  partnership(code: $code) {
    code
    name
    nationalPositions(category: $category) {
      financialYear
      ${period}
      category { id name }
      mapped unmappedReason quartersHeld complete sampleData
      groupSize groupSizeByRate
      sources { document locator }
      populationSources { document locator }
      row {
        csp { name code policeForce }
        count complete
        quarters { quarter count ${period} }
        population populationYear ratePer1000 rateUnavailableReason
        rank rankByRate
        forcePosition { policeForce rank rankByRate of }
      }
    }
    policeUkMonthly { month crimeType count sampleData ${period} source { document locator } }
  }
}`;
