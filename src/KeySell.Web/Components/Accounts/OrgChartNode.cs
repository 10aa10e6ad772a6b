using KeySell.Application.OrgCharts;

namespace KeySell.Web.Components.Accounts;

/// <summary>
/// One card of the org chart as the page holds it: the person, and their reports once the seller opened the branch.
/// Closed branches hold nothing, so the page keeps only what is on screen (decision 0016).
/// </summary>
public sealed class OrgChartNode(ListOrgChart.Card card)
{
    /// <summary>How many reports one click on "more" adds to an open branch.</summary>
    public const int PageSize = 50;

    public ListOrgChart.Card Card { get; } = card;
    public bool Open { get; set; }
    public List<OrgChartNode> Reports { get; } = [];
    /// <summary>How many report to this person: the card shows it and the branch offers "more" until all are shown.</summary>
    public int ReportsTotal { get; set; } = card.ReportCount;
}
