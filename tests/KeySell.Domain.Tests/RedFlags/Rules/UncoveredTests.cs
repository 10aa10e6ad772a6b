using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RedFlags.Rules;
using KeySell.Domain.Sheets;
using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

public sealed class UncoveredTests
{
    private readonly Uncovered _rule = new();

    [Fact]
    public void Find_EveryoneContacted_RaisesNothing() => _rule.Run(TestSheets.Textbook()).ShouldBeEmpty();

    [Fact]
    public void Find_NeverContacted_RaisesFlagPerPerson() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Contact = ContactLevel.None }, TestSheets.Person("b") with { Contact = ContactLevel.None }))
            .People().ShouldBe(["a", "b"]);

    [Fact]
    public void Find_ContactUnknown_IsNotUncovered() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Contact = ContactLevel.Unknown })).ShouldBeEmpty();

    [Fact]
    public void Find_InactiveUncontacted_IsIgnored() =>
        _rule.Run(TestSheets.Textbook(TestSheets.Person("a") with { Contact = ContactLevel.None, Status = PersonStatus.LeftCompany })).ShouldBeEmpty();
}
