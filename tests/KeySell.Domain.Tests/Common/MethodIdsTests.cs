using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;

namespace KeySell.Domain.Tests.Common;

public sealed class MethodIdsTests
{
    [Theory]
    [InlineData(ResponseMode.EvenKeel, "even-keel")]
    [InlineData(ResponseMode.Overconfident, "overconfident")]
    [InlineData(ResponseMode.Unknown, "unknown")]
    public void ToId_ResponseMode_IsTheContractId(ResponseMode mode, string id) => mode.ToId().ShouldBe(id);

    [Fact]
    public void AllIds_EachEnum_MatchTheStrategySheetContract()
    {
        MethodIds.AllIds<FunnelLevel>().ShouldBe(["universe", "above", "in", "best-few", "won", "lost"]);
        MethodIds.AllIds<Engagement>().ShouldBe(["before-project", "after-project", "after-tender"]);
        MethodIds.AllIds<ExpectedOutcome>().ShouldBe(["win-win", "win-lose", "lose-win", "lose-lose"]);
        MethodIds.AllIds<InfluenceLevel>().ShouldBe(["unknown", "low", "medium", "high"], ignoreOrder: true);
        MethodIds.AllIds<ContactLevel>().ShouldBe(["frequent", "occasional", "none", "unknown"], ignoreOrder: true);
        MethodIds.AllIds<ResponseMode>().ShouldBe(["growth", "trouble", "even-keel", "overconfident", "unknown"], ignoreOrder: true);
        MethodIds.AllIds<PersonStatus>().ShouldBe(["active", "left-company", "moved"]);
        MethodIds.AllIds<ObjectionStatus>().ShouldBe(["open", "deferred", "resolved"]);
        MethodIds.AllIds<RelationType>().ShouldBe(["upstream", "downstream", "partner"]);
        MethodIds.AllIds<BuyingRoles>().ShouldBe(["coach", "user", "technical", "economic"]);
    }

    [Fact]
    public void TryParse_UnknownOrWrongCase_IsRefused()
    {
        MethodIds.TryParse<FunnelLevel>("BestFew", out _).ShouldBeFalse();
        MethodIds.TryParse<FunnelLevel>("best_few", out _).ShouldBeFalse();
        MethodIds.TryParse<FunnelLevel>(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParseUtf8_EveryIdAsUtf8_GivesTheSameValueAsTheString()
    {
        foreach (var id in MethodIds.AllIds<ResponseMode>())
        {
            MethodIds.TryParseUtf8<ResponseMode>(System.Text.Encoding.UTF8.GetBytes(id), out var fromBytes).ShouldBeTrue();
            fromBytes.ShouldBe(MethodIds.Parse<ResponseMode>(id));
        }
        MethodIds.TryParseUtf8<BuyingRoles>("economic"u8, out var role).ShouldBeTrue();
        role.ShouldBe(BuyingRoles.Economic);
    }

    [Fact]
    public void TryParseUtf8_UnknownWrongCaseOrEmpty_IsRefused()
    {
        MethodIds.TryParseUtf8<FunnelLevel>("BestFew"u8, out _).ShouldBeFalse();
        MethodIds.TryParseUtf8<FunnelLevel>("best-few "u8, out _).ShouldBeFalse();
        MethodIds.TryParseUtf8<FunnelLevel>([], out _).ShouldBeFalse();
        MethodIds.TryParseUtf8<BuyingRoles>("none"u8, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_UnknownId_SaysWhichIdsAreAllowed()
    {
        var error = Should.Throw<FormatException>(() => MethodIds.Parse<Engagement>("late"));

        error.Message.ShouldContain("before-project, after-project, after-tender");
    }

    [FsCheck.Xunit.Property]
    public bool Parse_OfToId_GivesTheSameValue(ResponseMode mode) =>
        !Enum.IsDefined(mode) || MethodIds.Parse<ResponseMode>(mode.ToId()) == mode;
}
