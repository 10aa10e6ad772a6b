namespace KeySell.Cli.Tests;

public sealed class GenerateDataCommandTests : IAsyncDisposable
{
    private readonly CliSandbox _cli = new();

    public ValueTask DisposeAsync() => _cli.DisposeAsync();

    [Fact]
    public async Task GenerateData_EmptyDatabase_PrintsCountsSignInsAndProgress()
    {
        var result = await _cli.Run("generate-data", "--accounts", "6", "--opportunities", "13", "--people-per-account", "4", "--password", "Made-up-Passw0rd!");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("Generated 6 accounts");
        result.Out.ShouldContain("13 opportunities");
        result.Out.ShouldContain("seller.001@data.keysell.example");
        result.Out.ShouldContain("Made-up-Passw0rd!");
        result.ErrorLines.ShouldAllBe(line => line.StartsWith("generate-data: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GenerateData_DatabaseWithData_ExitsOneUnlessAppend()
    {
        (await _cli.Run("generate-data", "--accounts", "3", "--opportunities", "3", "--people-per-account", "3")).ExitCode.ShouldBe(0);

        var refused = await _cli.Run("generate-data", "--accounts", "3", "--opportunities", "3");
        var appended = await _cli.Run("generate-data", "--accounts", "3", "--opportunities", "3", "--append");

        refused.ExitCode.ShouldBe(1);
        refused.ErrorLines.ShouldHaveSingleItem().ShouldContain("--append");
        appended.ExitCode.ShouldBe(0, appended.Error);
        appended.Out.ShouldContain("Generated 3 accounts");
        appended.Out.ShouldNotContain("Sign-ins");
    }

    [Fact]
    public async Task GenerateData_OutOfRange_ExitsTwoWithOneLinePerProblem()
    {
        var result = await _cli.Run("generate-data", "--accounts", "0", "--opportunities", "-1", "--people-per-account", "2");

        result.ExitCode.ShouldBe(2);
        result.ErrorLines.Count(l => l.StartsWith("keysell: ", StringComparison.Ordinal)).ShouldBe(3);
    }
}
