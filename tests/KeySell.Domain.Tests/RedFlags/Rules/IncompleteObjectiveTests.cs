using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class IncompleteObjectiveTests
{
    private readonly IncompleteObjective _rule = new();

    [Fact]
    public void Find_CompleteObjective_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_BlankProduct_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Objective = o.Objective with { Product = "  " } })).Count.ShouldBe(1);

    [Fact]
    public void Find_NoAmount_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Objective = o.Objective with { Amount = null } })).Count.ShouldBe(1);

    [Fact]
    public void Find_NoCloseDate_RaisesFlag() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Objective = o.Objective with { CloseDate = null } })).Count.ShouldBe(1);

    [Fact]
    public void Find_NoQuantityOrCurrency_IsStillComplete() =>
        _rule.Run(TestSheets.Textbook().WithOpportunity(o => o with { Objective = o.Objective with { Quantity = null, Currency = null } })).ShouldBeEmpty();
}
