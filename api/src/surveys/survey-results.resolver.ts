import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@lh/domain';
import { CurrentViewer, Roles } from '../common/access.decorators';
import type { Viewer } from '../common/viewer';
import { SurveyQuotesService } from './survey-quotes.service';
import { SurveyResultsService } from './survey-results.service';
import { PickSurveyQuoteInput, SurveyQuotesType, SurveyResultsFilter, SurveyResultsType } from './survey-results.types';

/** Survey results and the quotes picked for the annual report. */
@Resolver()
export class SurveyResultsResolver {
  constructor(
    private readonly results: SurveyResultsService,
    private readonly quotes: SurveyQuotesService,
  ) {}

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => SurveyResultsType, {
    description: 'Response rates, ratings, confidence, change in practice and action plans; anonymous groups under 5 are hidden.',
  })
  surveyResults(@CurrentViewer() viewer: Viewer, @Args('filter') filter: SurveyResultsFilter): Promise<SurveyResultsType> {
    return this.results.results(viewer, filter);
  }

  @Roles(Role.COORDINATOR, Role.REVIEWER)
  @Query(() => SurveyQuotesType, { description: 'Free-text answers without names, picked ones first (at most 500).' })
  surveyQuotes(
    @CurrentViewer() viewer: Viewer,
    @Args('filter') filter: SurveyResultsFilter,
    @Args('pickedOnly', { type: () => Boolean, defaultValue: false }) pickedOnly: boolean,
  ): Promise<SurveyQuotesType> {
    return this.quotes.quotes(viewer, filter, pickedOnly);
  }

  @Roles(Role.COORDINATOR)
  @Mutation(() => Boolean, { description: 'Picks a free-text answer for the annual report (true), or takes the pick back (false).' })
  pickSurveyQuote(@CurrentViewer() viewer: Viewer, @Args('input') input: PickSurveyQuoteInput): Promise<boolean> {
    return this.quotes.pick(viewer, input);
  }
}
