using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Learning;

namespace KeySell.Domain.Tests.Learning;

public class OrgChartContactsTests
{
    private static readonly Guid Cfo = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Engineer = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Foreman = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid Assistant = Guid.Parse("00000000-0000-0000-0000-000000000004");

    // The deal: the CFO decides, the engineer judges the spec and coaches us, the foreman uses it; the assistant plays no role.
    private static readonly Dictionary<Guid, BuyingRoles> Deal = new()
    {
        [Cfo] = BuyingRoles.Economic,
        [Engineer] = BuyingRoles.Technical | BuyingRoles.Coach,
        [Foreman] = BuyingRoles.User,
        [Assistant] = BuyingRoles.None,
    };

    [Fact]
    public void GradeAnswer_EveryoneWithARightRole_ScoresOneAndMissesNothing()
    {
        var grade = OrgChartContacts.GradeAnswer(Deal, new Dictionary<Guid, BuyingRoles>
        {
            [Cfo] = BuyingRoles.Economic, [Engineer] = BuyingRoles.Technical, [Foreman] = BuyingRoles.User,
        });
        grade.Score.Score.ShouldBe(1m);
        grade.Missed.ShouldBeEmpty();
        // The engineer was chosen as technical buyer only: the deal's coach is still not covered.
        grade.RolesMissed.ShouldBe([BuyingRoles.Coach]);
    }

    [Fact]
    public void GradeAnswer_EngineerAsCoach_CoversTheCoachButNotTheTechnicalBuyer()
    {
        var grade = OrgChartContacts.GradeAnswer(Deal, new Dictionary<Guid, BuyingRoles>
        {
            [Cfo] = BuyingRoles.Economic, [Engineer] = BuyingRoles.Coach, [Foreman] = BuyingRoles.User,
        });
        grade.Score.Score.ShouldBe(1m);
        grade.RolesMissed.ShouldBe([BuyingRoles.Technical]);
    }

    [Fact]
    public void GradeAnswer_EconomicBuyerLeftOutAndAssistantChosen_NamesBoth()
    {
        var grade = OrgChartContacts.GradeAnswer(Deal, new Dictionary<Guid, BuyingRoles>
        {
            [Engineer] = BuyingRoles.Coach, [Foreman] = BuyingRoles.User, [Assistant] = BuyingRoles.Economic,
        });
        grade.Missed.ShouldBe([Cfo]);
        grade.NotOnTheDeal.ShouldBe([Assistant]);
        grade.RolesMissed.ShouldBe([BuyingRoles.Technical, BuyingRoles.Economic]);
        grade.Score.Score.ShouldBe(0.5m); // engineer and foreman right; CFO missed, assistant not on the deal
    }

    [Fact]
    public void GradeAnswer_WrongRole_IsWrongAndTheRoleStaysMissed()
    {
        var grade = OrgChartContacts.GradeAnswer(Deal, new Dictionary<Guid, BuyingRoles>
        {
            [Cfo] = BuyingRoles.User, [Engineer] = BuyingRoles.Technical, [Foreman] = BuyingRoles.User,
        });
        grade.WrongRole.ShouldBe([Cfo]);
        grade.RolesMissed.ShouldContain(BuyingRoles.Economic);
        grade.Score.Score.ShouldBe(Math.Round(2m / 3, 4));
    }

    [Fact]
    public void GradeAnswer_TwoRolesForOnePerson_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => OrgChartContacts.GradeAnswer(Deal,
            new Dictionary<Guid, BuyingRoles> { [Engineer] = BuyingRoles.Technical | BuyingRoles.Coach }));
    }
}
