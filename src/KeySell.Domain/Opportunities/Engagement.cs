namespace KeySell.Domain.Opportunities;

/// <summary>When we boarded the customer's journey (§1): the earlier, the better.</summary>
public enum Engagement
{
    BeforeProject = 1,
    AfterProject = 2,
    AfterTender = 3,
}
