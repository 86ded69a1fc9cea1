/** The county overview's queries: what a dashboard developer would write against /graphql. */
import type {
  CountyCrimeTotalsQuery,
  CountyCrimeTotalsQueryVariables,
  CountyOverviewQuery,
  CountyOverviewQueryVariables,
  WhichPartnershipsPrioritiseQuery,
  WhichPartnershipsPrioritiseQueryVariables,
} from "../generated/operations";
import type { TypedQuery } from "../typed-query";

/** Everything the overview shows first, in one request. */
export const overviewQuery: TypedQuery<CountyOverviewQuery, CountyOverviewQueryVariables> = /* GraphQL */ `
query CountyOverview {
  county {
    name
    agreement {
      title
      source { document locator title publisher published }
      priorities { id number title source { document locator title publisher published } }
    }
    alignment {
      complete
      unavailablePartnerships { code name }
      uncoveredCsaPriorities { id number title }
      partnerships {
        partnership { code name }
        available
        period { label start end basis }
        coverage {
          csaPriority { id }
          status
          bases
          priorities {
            id title
            period { label start end basis }
            source { document locator title publisher published }
            csaAlignment { priority { id } basis score evidence { kind value foundIn weight } }
          }
        }
        localPriorities { id title period { label start end basis } source { document locator title publisher published } }
      }
    }
  }
  partnerships(countyBoardMembersOnly: true) {
    code
    name
    crimeStatistics {
      category { id name }
      localLabel
      count
      period { label start end basis }
      source { document locator title publisher published }
      notes
      differingFigures { count source { document locator title publisher published } }
      corrections { previousCount count correctedAt note source { document locator title publisher published } }
    }
  }
}`;

/** The county total for one category and one period that exists in the data. */
export const crimeTotalsQuery: TypedQuery<CountyCrimeTotalsQuery, CountyCrimeTotalsQueryVariables> = /* GraphQL */ `
query CountyCrimeTotals($category: ID!, $start: Date!, $end: Date!) {
  county {
    crimeTotals(category: $category, start: $start, end: $end) {
      category { id name }
      start end
      total
      complete
      ratePer1000
      population { year count source }
      sources { document locator title publisher published }
      change { previousPeriod { label start end basis } previousTotal difference percent }
      publishedCountyFigures { count localLabel period { label start end basis } source { document locator title publisher published } }
      publishedDifferences {
        published { count localLabel source { document locator title publisher published } }
        difference
        unexplained
        explainedBy {
          partnership { code name }
          reason
          difference
          statistic {
            count localLabel period { label start end basis }
            source { document locator title publisher published }
            corrections { previousCount count correctedAt note source { document locator title publisher published } }
          }
        }
      }
      partnerships {
        partnership { code name }
        count
        statistic {
          localLabel count period { label start end basis } source { document locator title publisher published } notes
          differingFigures { count source { document locator title publisher published } }
          corrections { previousCount count correctedAt note source { document locator title publisher published } }
        }
        population { year count source }
        ratePer1000
        rank
        rateRank
        change {
          previous { count localLabel period { label start end basis } source { document locator title publisher published } }
          difference
          percent
        }
      }
      missing { partnership { code name } reason projections { count period { label start end basis } source { document locator title publisher published } } }
    }
  }
}`;

export const prioritySearchQuery: TypedQuery<
  WhichPartnershipsPrioritiseQuery,
  WhichPartnershipsPrioritiseQueryVariables
> = /* GraphQL */ `
query WhichPartnershipsPrioritise($csaPriority: ID, $text: String, $currentOnly: Boolean!, $countyBoardMembersOnly: Boolean!) {
  county {
    prioritySearch(csaPriority: $csaPriority, text: $text, currentOnly: $currentOnly, countyBoardMembersOnly: $countyBoardMembersOnly) {
      complete
      unavailablePartnerships { name }
      matches {
        partnership { code name countyBoardMember }
        priority { id title source { document locator title publisher published } }
        theme { title }
        period { label start end basis }
        current
        alignment { priority { title } basis score evidence { kind value foundIn weight } }
      }
    }
  }
}`;
