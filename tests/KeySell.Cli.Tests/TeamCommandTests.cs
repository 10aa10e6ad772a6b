using System.Text.Json.Nodes;

namespace KeySell.Cli.Tests;

public sealed class TeamCommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private async Task UsersAsync(params (string Email, string Role)[] users)
    {
        (await _cli.Run("migrate")).ExitCode.ShouldBe(0);
        foreach (var (email, role) in users)
            (await _cli.Run("users", "create", email, "--name", email[..email.IndexOf('@')], "--role", role, "--password", "Str0ng-Passw0rd!")).ExitCode.ShouldBe(0);
    }

    private async Task<JsonNode> TeamAsync(string name) =>
        JsonNode.Parse((await _cli.Run("teams", "list", "--json")).Out)!["items"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!;

    [Fact]
    public async Task TeamsCreate_NewName_PrintsIdAndListsTheTeam()
    {
        await UsersAsync();

        var result = await _cli.Run("teams", "create", "North China");

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        var team = await TeamAsync("North China");
        team["id"]!.GetValue<string>().ShouldBe(result.Out.Trim());
        team["members"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task TeamsCreate_NameTaken_ExitsTwoWithOneLine()
    {
        await UsersAsync();
        await _cli.Run("teams", "create", "North China");

        var result = await _cli.Run("teams", "create", "North China");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("keysell: name: ");
    }

    [Fact]
    public async Task TeamsMembers_SecondCall_ReplacesTheList()
    {
        await UsersAsync(("a@example.com", "seller"), ("b@example.com", "manager"), ("c@example.com", "viewer"));
        await _cli.Run("teams", "create", "North China");
        (await _cli.Run("teams", "members", "North China", "--member", "a@example.com", "--member", "b@example.com:manager")).ExitCode.ShouldBe(0);

        var result = await _cli.Run("teams", "members", "North China", "--member", "c@example.com", "b@example.com");

        result.ExitCode.ShouldBe(0, result.Error);
        var members = (await TeamAsync("North China"))["members"]!.AsArray();
        members.Select(m => m!["name"]!.GetValue<string>()).Order().ShouldBe(["b", "c"]);
        members.ShouldAllBe(m => !m!["manager"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TeamsMembers_ByIdWithManager_MarksTheManager()
    {
        await UsersAsync(("b@example.com", "manager"));
        var id = (await _cli.Run("teams", "create", "North China")).Out.Trim();

        var result = await _cli.Run("teams", "members", id, "--member", "b@example.com:manager");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("b (manager)");
        (await TeamAsync("North China"))["members"]![0]!["manager"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task TeamsMembers_UnknownEmails_ExitsTwoWithOneLineEachAndChangesNothing()
    {
        await UsersAsync(("a@example.com", "seller"));
        await _cli.Run("teams", "create", "North China");

        var result = await _cli.Run("teams", "members", "North China", "--member", "a@example.com", "--member", "x@example.com", "--member", "y@example.com");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldBe(["keysell: --member x@example.com: No user has the email x@example.com.", "keysell: --member y@example.com: No user has the email y@example.com."]);
        (await TeamAsync("North China"))["members"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task TeamsMembers_SellerAsManager_ExitsTwoNamingTheMember()
    {
        await UsersAsync(("a@example.com", "seller"));
        await _cli.Run("teams", "create", "North China");

        var result = await _cli.Run("teams", "members", "North China", "--member", "a@example.com:manager");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("keysell: --member a@example.com:manager: ");
    }

    [Fact]
    public async Task TeamsMembers_UnknownTeam_ExitsOne()
    {
        await UsersAsync(("a@example.com", "seller"));

        var result = await _cli.Run("teams", "members", "Nowhere", "--member", "a@example.com");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("Nowhere");
    }

    [Fact]
    public async Task TeamsList_Table_MarksManagers()
    {
        await UsersAsync(("b@example.com", "manager"));
        await _cli.Run("teams", "create", "North China");
        await _cli.Run("teams", "members", "North China", "--member", "b@example.com:manager");

        var result = await _cli.Run("teams", "list");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldMatch(@"North China\s+[0-9a-f-]{36}\s+b \(manager\)");
    }
}
