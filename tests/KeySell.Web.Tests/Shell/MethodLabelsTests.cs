using System.Globalization;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.Teams;
using KeySell.Web.Components.Shared;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KeySell.Web.Tests.Shell;

public class MethodLabelsTests
{
    private static readonly IStringLocalizer<UiText> Text = new StringLocalizer<UiText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static TheoryData<string, string> EveryMethodValue()
    {
        var data = new TheoryData<string, string>();
        void Add<T>() where T : struct, Enum
        {
            foreach (var id in MethodIds.AllIds<T>()) data.Add(typeof(T).Name, id);
        }
        Add<BuyingRoles>();
        Add<InfluenceLevel>();
        Add<ContactLevel>();
        Add<ResponseMode>();
        Add<FunnelLevel>();
        Add<Engagement>();
        Add<ExpectedOutcome>();
        Add<PersonStatus>();
        Add<RelationType>();
        Add<ObjectionStatus>();
        Add<Role>();
        Add<KeySell.Domain.Process.Milestone>();
        Add<KeySell.Domain.Process.SellingStep>();
        Add<KeySell.Domain.Calls.SpinType>();
        Add<KeySell.Domain.Calls.CallStatus>();
        Add<KeySell.Domain.Calls.CallOutcome>();
        Add<KeySell.Application.Calls.QuestionAudience>();
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMethodValue))]
    public void Label_EveryMethodId_HasItsOwnEnglishAndChineseText(string type, string id)
    {
        var english = In("en", () => Text[$"Enum.{type}.{id}"]);
        var chinese = In("zh-CN", () => Text[$"Enum.{type}.{id}"]);

        english.ResourceNotFound.ShouldBeFalse();
        chinese.ResourceNotFound.ShouldBeFalse();
        chinese.Value.ShouldNotBe(english.Value);
    }

    [Fact]
    public void Label_ChineseCulture_UsesTheCourseTerms()
    {
        In("zh-CN", () => Text.Label(BuyingRoles.Coach)).ShouldBe("教练");
        In("zh-CN", () => Text.Label(BuyingRoles.User)).ShouldBe("用户");
        In("zh-CN", () => Text.Label(BuyingRoles.Technical)).ShouldBe("技术把关者");
        In("zh-CN", () => Text.Label(BuyingRoles.Economic)).ShouldBe("决策者");
        In("zh-CN", () => Text.Label(ResponseMode.EvenKeel)).ShouldBe("四平八稳型");
        In("zh-CN", () => Text.Label(ContactLevel.Frequent)).ShouldBe("经常接触");
        In("zh-CN", () => Text.Label(Role.Admin)).ShouldBe("管理员");
        In("zh-CN", () => Text.Label(Role.Manager)).ShouldBe("经理");
        In("zh-CN", () => Text.Label(Role.Seller)).ShouldBe("销售");
        In("zh-CN", () => Text.Label(Role.Viewer)).ShouldBe("只读");
    }

    [Fact]
    public void Label_NoValueRecorded_ReadsUnknown()
    {
        In("en", () => Text.Label((Engagement?)null)).ShouldBe("Unknown");
        In("zh-CN", () => Text.Label((Engagement?)null)).ShouldBe("未知");
    }

    [Fact]
    public void Roles_SeveralRoles_NamesEachInTheReadersLanguage()
    {
        In("en", () => Text.Roles(BuyingRoles.Coach | BuyingRoles.Economic)).ShouldBe("Coach, Economic buyer");
        In("zh-CN", () => Text.Roles(BuyingRoles.None)).ShouldBe("角色未知");
    }

    [Theory]
    [InlineData(5, "Champion", "坚定支持")]
    [InlineData(4, "Champion", "坚定支持")]
    [InlineData(3, "Supporter", "支持")]
    [InlineData(1, "Supporter", "支持")]
    [InlineData(0, "Neutral", "中立")]
    [InlineData(-1, "Skeptic", "怀疑")]
    [InlineData(-3, "Skeptic", "怀疑")]
    [InlineData(-4, "Opponent", "反对")]
    [InlineData(-5, "Opponent", "反对")]
    public void SupportBand_SupportValue_NamesTheMethodsBandInBothLanguages(int support, string english, string chinese)
    {
        In("en", () => Text.SupportBand(support)).ShouldBe(english);
        In("zh-CN", () => Text.SupportBand(support)).ShouldBe(chinese);
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }
}
