using System.Text.Json.Nodes;
using KeySell.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Cli.Tests;

public sealed class UserCommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    private async Task<string> CreateAsync(string email, string role = "seller", string name = "Li Na")
    {
        var created = await _cli.Run("users", "create", email, "--name", name, "--role", role, "--password", "Str0ng-Passw0rd!");
        created.ExitCode.ShouldBe(0, created.Error);
        return created.Out.Trim();
    }

    [Fact]
    public async Task UsersCreate_WithoutPassword_PrintsIdAndTemporaryPasswordThatSignsIn()
    {
        await _cli.Run("migrate");

        var result = await _cli.Run("users", "create", "li.na@example.com", "--name", "李娜 Li Na", "--role", "manager");

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("must change it at the first sign-in");
        var password = lines[1][(lines[1].LastIndexOf(' ') + 1)..];
        var (verified, role, mustChange) = await _cli.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(lines[0])).ShouldNotBeNull();
            return (await users.CheckPasswordAsync(user, password), user.Role, user.MustChangePassword);
        });
        verified.ShouldBeTrue();
        role.ShouldBe(KeySell.Domain.Teams.Role.Manager);
        mustChange.ShouldBeTrue();
    }

    [Fact]
    public async Task UsersCreate_GivenPassword_PrintsOnlyTheId()
    {
        await _cli.Run("migrate");

        var result = await _cli.Run("users", "create", "li.na@example.com", "--name", "Li Na", "--role", "seller", "--password", "Str0ng-Passw0rd!");

        result.ExitCode.ShouldBe(0);
        result.Out.Trim().ShouldNotContain("\n");
        result.Out.ShouldNotContain("Temporary password");
    }

    [Fact]
    public async Task UsersCreate_EmailTaken_ExitsTwoWithOneLineNamingTheField()
    {
        await _cli.Run("migrate");
        await CreateAsync("li.na@example.com");

        var result = await _cli.Run("users", "create", "li.na@example.com", "--name", "Li Na", "--role", "seller");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("keysell: email: A user with the email li.na@example.com exists already.");
    }

    [Fact]
    public async Task UsersCreate_UnknownRole_ExitsTwo()
    {
        var result = await _cli.Run("users", "create", "li.na@example.com", "--name", "Li Na", "--role", "boss");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines[0].ShouldStartWith("keysell: ");
        result.ErrorLines[0].ShouldContain("boss");
    }

    [Fact]
    public async Task UsersList_Json_UsesTheApiConventions()
    {
        await _cli.Run("migrate");
        var id = await CreateAsync("li.na@example.com", "seller", "李娜");

        var result = await _cli.Run("users", "list", "--json");

        result.ExitCode.ShouldBe(0);
        var list = JsonNode.Parse(result.Out)!;
        list["totalCount"]!.GetValue<int>().ShouldBe(1);
        var user = list["items"]![0]!;
        user["id"]!.GetValue<string>().ShouldBe(id);
        user["role"]!.GetValue<string>().ShouldBe("seller");
        user["disabled"]!.GetValue<bool>().ShouldBeFalse();
        result.Out.ShouldContain("李娜");
    }

    [Fact]
    public async Task UsersList_Table_ShowsEmailNameRoleDisabled()
    {
        await _cli.Run("migrate");
        await CreateAsync("li.na@example.com", "viewer");
        await CreateAsync("wu.fei@example.com", "seller", "Wu Fei");

        var result = await _cli.Run("users", "list", "--search", "wu");

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldMatch(@"EMAIL\s+NAME\s+ROLE\s+DISABLED");
        result.Out.ShouldMatch(@"wu\.fei@example\.com\s+Wu Fei\s+seller\s+no");
        result.Out.ShouldNotContain("li.na@");
    }

    [Fact]
    public async Task UsersUpdate_OnlyDisable_KeepsNameAndRole()
    {
        await _cli.Run("migrate");
        await CreateAsync("li.na@example.com", "manager", "Li Na");

        var result = await _cli.Run("users", "update", "li.na@example.com", "--disable");

        result.ExitCode.ShouldBe(0, result.Error);
        var user = JsonNode.Parse((await _cli.Run("users", "list", "--json")).Out)!["items"]![0]!;
        user["name"]!.GetValue<string>().ShouldBe("Li Na");
        user["role"]!.GetValue<string>().ShouldBe("manager");
        user["disabled"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task UsersUpdate_ById_ChangesRoleAndNameAndEnables()
    {
        await _cli.Run("migrate");
        var id = await CreateAsync("li.na@example.com", "seller");
        await _cli.Run("users", "update", id, "--disable");

        var result = await _cli.Run("users", "update", id, "--role", "viewer", "--name", "Li Na (ops)", "--enable");

        result.ExitCode.ShouldBe(0, result.Error);
        var user = JsonNode.Parse((await _cli.Run("users", "list", "--json")).Out)!["items"]![0]!;
        user["name"]!.GetValue<string>().ShouldBe("Li Na (ops)");
        user["role"]!.GetValue<string>().ShouldBe("viewer");
        user["disabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task UsersUpdate_UnknownUser_ExitsOneWithOneLine()
    {
        await _cli.Run("migrate");

        var result = await _cli.Run("users", "update", "nobody@example.com", "--disable");

        result.ExitCode.ShouldBe(1);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("nobody@example.com");
    }

    [Fact]
    public async Task UsersUpdate_DisableAndEnable_ExitsTwo()
    {
        var result = await _cli.Run("users", "update", "li.na@example.com", "--disable", "--enable");

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("keysell: ");
    }

    [Theory]
    [InlineData("users", "--help")]
    [InlineData("users", "list", "--help")]
    [InlineData("users", "create", "--help")]
    [InlineData("users", "update", "--help")]
    [InlineData("teams", "list", "--help")]
    [InlineData("teams", "create", "--help")]
    [InlineData("teams", "members", "--help")]
    [InlineData("history", "--help")]
    [InlineData("recycle-bin", "list", "--help")]
    [InlineData("recycle-bin", "restore", "--help")]
    [InlineData("recycle-bin", "purge", "--help")]
    [InlineData("share", "--help")]
    [InlineData("unshare", "--help")]
    [InlineData("account-team", "--help")]
    public async Task Help_TeamWorkspaceCommands_ExitsZeroWithUsage(params string[] args)
    {
        var result = await _cli.Run(args);

        result.ExitCode.ShouldBe(0);
        result.Error.ShouldBeEmpty();
        result.Out.ShouldContain("Usage:");
    }
}
