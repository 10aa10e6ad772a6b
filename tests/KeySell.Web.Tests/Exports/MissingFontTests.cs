using System.Net;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Exports;

/// <summary>A server whose CJK font is missing (here: configured to a file that is not there).</summary>
public sealed class NoCjkFontApp : SqliteApp
{
    protected override IEnumerable<KeyValuePair<string, string>> AppSettings() =>
        [new("KeySell:Exports:CjkFont", "/nonexistent/NotoSansCJK-Regular.ttc")];
}

/// <summary>Without a font that writes Chinese the PDFs are a 503 saying how to install one, never a 500; Excel still works.</summary>
public sealed class MissingFontTests(NoCjkFontApp app) : IClassFixture<NoCjkFontApp>
{
    [Fact]
    public async Task Pdf_NoCjkFont_Is503SayingHowToInstallIt()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Fontless Steel"));
        var id = (await client.CreateOpportunityAsync(accountId, "Fontless deal")).Id();

        foreach (var url in new[] { $"/api/opportunities/{id}/sheet.pdf", $"/api/accounts/{accountId}/sheets.pdf" })
        {
            var response = await client.GetAsync(url, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, url);
            (await ProblemDocument.ReadAsync(response)).Detail!.ShouldContain("apt-get install fonts-noto-cjk");
        }
        (await client.GetAsync($"/api/opportunities/{id}/sheet.xlsx", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
