using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KeySell.Web.Tests.Infrastructure;
using static KeySell.Web.Tests.Api.DealArrange;

namespace KeySell.Web.Tests.Api;

public abstract class AccountEndpointsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : KeySellApp
{
    [Theory]
    [InlineData("/api/accounts")]
    [InlineData("/api/accounts/6f1c1a52-2f7e-4a53-9d0e-3f1f2b0c4d11")]
    public async Task Get_WithoutSignIn_Returns401(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Create_WithoutSignIn_Returns401AndStoresNothing()
    {
        var name = Unique("Anonymous Steel");

        var response = await app.CreateClient().PostAsJsonAsync("/api/accounts", new { name }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var client = await app.CreateAdminClientAsync();
        var page = await client.GetObjectAsync($"/api/accounts?search={Uri.EscapeDataString(name)}");
        page["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Create_ValidAccount_Returns201WithLocationOfTheStoredAccount()
    {
        var client = await app.CreateAdminClientAsync();
        var name = Unique("East China Steel Group");

        var response = await client.PostAsJsonAsync("/api/accounts",
            new { name = $"  {name} ", industry = "Steel", size = "20,000 employees", region = "Shanghai", idealCustomerScore = 2.5 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadObjectAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/accounts/{created.Id()}");
        var stored = await client.GetObjectAsync(response.Headers.Location.ToString());
        stored.Text("name").ShouldBe(name);
        stored.Text("industry").ShouldBe("Steel");
        stored.Text("size").ShouldBe("20,000 employees");
        stored.Text("region").ShouldBe("Shanghai");
        // A typed score is accepted and ignored: the score comes from the ratings (decision 0017).
        stored["idealCustomerScore"].ShouldBeNull();
        stored["parent"].ShouldBeNull();
        stored["subsidiaries"]!.AsArray().ShouldBeEmpty();
        stored["people"]!.AsArray().ShouldBeEmpty();
        stored.Text("createdBy").ShouldBe(KeySellApp.AdminEmail);
        stored.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Get_PeopleOnOpenDeals_GivesEachPersonsRolesAndSupportPerDealForTheOrgChart()
    {
        var client = await app.CreateAdminClientAsync();
        var accountId = await app.AccountAsync(Unique("Steel"));
        var liWei = await app.PersonAsync(accountId, "Li Wei");
        var open = await client.CreateOpportunityAsync(accountId, "ERP rollout");
        var lost = await client.CreateOpportunityAsync(accountId, "Old pilot");
        await client.AddInfluenceAsync(open.Id(), new { personId = liWei, roles = new[] { "economic", "coach" }, support = 3 });
        await client.AddInfluenceAsync(lost.Id(), new { personId = liWei, roles = new[] { "user" }, support = -2 });
        (await client.PutAsJsonAsync($"/api/opportunities/{lost.Id()}", new { version = 1, name = "Old pilot", funnelLevel = "lost" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await client.GetObjectAsync($"/api/accounts/{accountId}");

        var deal = stored["peopleOnDeals"]!.AsArray().ShouldHaveSingleItem()!;
        deal["personId"]!.GetValue<Guid>().ShouldBe(liWei);
        deal["opportunityId"]!.GetValue<Guid>().ShouldBe(open.Id());
        deal.Text("opportunityName").ShouldBe("ERP rollout");
        deal["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["coach", "economic"]);
        deal["support"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Create_Subsidiary_ShowsOnBothSidesOfTheGroup()
    {
        var client = await app.CreateAdminClientAsync();
        var group = await client.CreateAccountAsync(Unique("Group"));

        var subsidiary = await client.CreateAccountAsync(new { name = Unique("Logistics"), parentAccountId = group.Id() });

        subsidiary["parent"]!["id"]!.GetValue<Guid>().ShouldBe(group.Id());
        var groupNow = await client.GetObjectAsync($"/api/accounts/{group.Id()}");
        groupNow["subsidiaries"].Names().ShouldBe([subsidiary.Text("name")]);
    }

    [Fact]
    public async Task List_Search_MatchesNameIndustryOrRegionIgnoringCase()
    {
        var client = await app.CreateAdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        await client.CreateAccountAsync($"Steel {marker.ToUpperInvariant()} Group");
        await client.CreateAccountAsync(new { name = Unique("Pharma"), industry = $"Drugs {marker}" });
        await client.CreateAccountAsync(new { name = Unique("Retail"), region = $"Region-{marker.ToUpperInvariant()}" });
        await client.CreateAccountAsync(new { name = Unique("Unrelated"), industry = "Steel", region = "Beijing" });

        var page = await client.GetObjectAsync($"/api/accounts?search={marker[..4].ToUpperInvariant()}{marker[4..]}");

        page["totalCount"]!.GetValue<int>().ShouldBe(3);
        page["items"]!.AsArray().Count.ShouldBe(3);
        page["items"].Names().ShouldAllBe(n => !n.StartsWith("Unrelated"));
    }

    [Fact]
    public async Task List_Paging_ReturnsThePageInNameOrderWithTheTotalCount()
    {
        var client = await app.CreateAdminClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        foreach (var name in new[] { "Gamma", "Alpha", "Beta" }) await client.CreateAccountAsync($"{marker} {name}");

        var first = await client.GetObjectAsync($"/api/accounts?search={marker}&page=1&pageSize=2");
        var second = await client.GetObjectAsync($"/api/accounts?search={marker}&page=2&pageSize=2");

        first["totalCount"]!.GetValue<int>().ShouldBe(3);
        first["items"].Names().ShouldBe([$"{marker} Alpha", $"{marker} Beta"]);
        second["totalCount"]!.GetValue<int>().ShouldBe(3);
        second["items"].Names().ShouldBe([$"{marker} Gamma"]);
    }

    [Fact]
    public async Task List_Item_CountsPeopleAndOpportunities()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Counted"));
        await client.CreatePersonAsync(new { accountId = account.Id(), name = "Li Wei" });
        await client.CreateOpportunityAsync(account.Id(), "ERP rollout");

        var page = await client.GetObjectAsync($"/api/accounts?search={Uri.EscapeDataString(account.Text("name"))}");

        var item = page["items"]!.AsArray().ShouldHaveSingleItem()!;
        item["peopleCount"]!.GetValue<int>().ShouldBe(1);
        item["opportunityCount"]!.GetValue<int>().ShouldBe(1);
        item.Version().ShouldBe(1);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithAnErrorPerField()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/accounts",
            new { name = " ", industry = new string('x', 101), region = "Shanghai", parentAccountId = Guid.NewGuid() }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["name", "industry", "parentAccountId"], ignoreOrder: true);
        problem.Errors["industry"].ShouldHaveSingleItem().ShouldContain("100");
    }

    [Theory]
    [InlineData(5.5)]
    [InlineData(-2.0)]
    public async Task Create_TypedScore_IsAcceptedAndIgnored(double score)
    {
        var client = await app.CreateAdminClientAsync();

        var created = await client.CreateAccountAsync(new { name = Unique("Scored"), idealCustomerScore = score });

        created["idealCustomerScore"].ShouldBeNull();
    }

    [Fact]
    public async Task Create_UnknownJsonField_Returns400NamingTheField()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PostAsJsonAsync("/api/accounts", new { name = Unique("Typo"), industy = "Steel" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain("industy");
    }

    [Fact]
    public async Task Update_ParentIsItsOwnSubsidiary_Returns400ParentCycleAndKeepsTheGroup()
    {
        var client = await app.CreateAdminClientAsync();
        var group = await client.CreateAccountAsync(Unique("Group"));
        var subsidiary = await client.CreateAccountAsync(new { name = Unique("Subsidiary"), parentAccountId = group.Id() });
        var grandchild = await client.CreateAccountAsync(new { name = Unique("Plant"), parentAccountId = subsidiary.Id() });

        var response = await client.PutAsJsonAsync($"/api/accounts/{group.Id()}",
            new { name = group.Text("name"), parentAccountId = grandchild.Id(), version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemDocument.ReadAsync(response);
        problem.Errors.ShouldNotBeNull().Keys.ShouldBe(["parentAccountId"]);
        (await client.GetObjectAsync($"/api/accounts/{group.Id()}"))["parent"].ShouldBeNull();
    }

    [Fact]
    public async Task Update_ParentIsItself_Returns400()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Self"));

        var response = await client.PutAsJsonAsync($"/api/accounts/{account.Id()}",
            new { name = account.Text("name"), parentAccountId = account.Id(), version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().ShouldContainKey("parentAccountId");
    }

    [Fact]
    public async Task Update_CurrentVersion_Returns200WithTheNewVersion()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(new { name = Unique("Before"), industry = "Steel" });

        var response = await client.PutAsJsonAsync($"/api/accounts/{account.Id()}",
            new { name = "After rename", industry = (string?)null, region = "Nanjing", idealCustomerScore = -1.5, version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await response.ReadObjectAsync();
        updated.Version().ShouldBe(2);
        updated.Text("name").ShouldBe("After rename");
        updated["industry"].ShouldBeNull();
        updated.Text("region").ShouldBe("Nanjing");
        updated["idealCustomerScore"].ShouldBeNull();
    }

    [Fact]
    public async Task Update_StaleVersion_Returns409AndKeepsTheFirstWritersChange()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Contested"));
        var url = $"/api/accounts/{account.Id()}";

        var first = await client.PutAsJsonAsync(url, new { name = "First writer", region = "Shanghai", version = 1 }, Ct);
        var second = await client.PutAsJsonAsync(url, new { name = "Second writer", region = "Beijing", version = 1 }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(second)).Detail.ShouldNotBeNull().ShouldContain("version 2");
        var stored = await client.GetObjectAsync(url);
        stored.Text("name").ShouldBe("First writer");
        stored.Text("region").ShouldBe("Shanghai");
        stored.Version().ShouldBe(2);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.GetAsync($"/api/accounts/{Guid.NewGuid()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Update_UnknownId_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.PutAsJsonAsync($"/api/accounts/{Guid.NewGuid()}", new { name = "Nobody", version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_UnknownId_Returns404()
    {
        var client = await app.CreateAdminClientAsync();

        var response = await client.DeleteAsync($"/api/accounts/{Guid.NewGuid()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_AccountWithOpportunities_Returns409AndKeepsAccountAndDeal()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Busy"));
        var deal = await client.CreateOpportunityAsync(account.Id(), "ERP rollout");

        var response = await client.DeleteAsync($"/api/accounts/{account.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain("still has 1 opportunity;");
        (await client.GetAsync($"/api/accounts/{account.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/opportunities/{deal.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_AccountWithSubsidiaries_Returns409AndKeepsTheGroup()
    {
        var client = await app.CreateAdminClientAsync();
        var group = await client.CreateAccountAsync(Unique("Group"));
        await client.CreateAccountAsync(new { name = Unique("Subsidiary"), parentAccountId = group.Id() });

        var response = await client.DeleteAsync($"/api/accounts/{group.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemDocument.ReadAsync(response)).Detail.ShouldNotBeNull().ShouldContain("while 1 subsidiary belongs to it");
        (await client.GetAsync($"/api/accounts/{group.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_StaleVersion_Returns409AndKeepsTheAccount()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Edited meanwhile"));
        await client.PutAsJsonAsync($"/api/accounts/{account.Id()}", new { name = account.Text("name"), region = "Wuhan", version = 1 }, Ct);

        var response = await client.DeleteAsync($"/api/accounts/{account.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetObjectAsync($"/api/accounts/{account.Id()}")).Text("region").ShouldBe("Wuhan");
    }

    [Fact]
    public async Task Delete_AccountWithOrgChartAndRelations_Returns204AndRemovesItsOwnRecordsOnly()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Closing down"));
        var partner = await client.CreateAccountAsync(Unique("Partner"));
        var finance = await client.CreateDepartmentAsync(account.Id(), "Finance");
        await client.CreateDepartmentAsync(account.Id(), "Treasury", finance.Id());
        var cfo = await client.CreatePersonAsync(new { accountId = account.Id(), name = "Li Wei", departmentId = finance.Id() });
        var director = await client.CreatePersonAsync(new { accountId = account.Id(), name = "Chen Jing", reportsToId = cfo.Id() });
        await client.CreatePersonAsync(new { accountId = account.Id(), name = "Wang Fang", reportsToId = director.Id() });
        await client.PostAsJsonAsync($"/api/accounts/{account.Id()}/relations", new { relatedAccountId = partner.Id(), type = "partner" }, Ct);
        await client.PostAsJsonAsync($"/api/accounts/{partner.Id()}/relations", new { relatedAccountId = account.Id(), type = "downstream" }, Ct);

        var response = await client.DeleteAsync($"/api/accounts/{account.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/accounts/{account.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/people/{cfo.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var partnerNow = await client.GetObjectAsync($"/api/accounts/{partner.Id()}");
        partnerNow["relations"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task AddRelation_Valid_Returns201AndShowsTheRelatedAccountByName()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Mill"));
        var supplier = await client.CreateAccountAsync(Unique("Ore supplier"));

        var response = await client.PostAsJsonAsync($"/api/accounts/{account.Id()}/relations", new { relatedAccountId = supplier.Id(), type = "upstream" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var relation = await response.ReadObjectAsync();
        response.Headers.Location!.ToString().ShouldBe($"/api/accounts/{account.Id()}/relations/{relation.Id()}");
        var stored = (await client.GetObjectAsync($"/api/accounts/{account.Id()}"))["relations"]!.AsArray().ShouldHaveSingleItem()!;
        stored.Text("relatedAccountName").ShouldBe(supplier.Text("name"));
        stored.Text("type").ShouldBe("upstream");
    }

    [Fact]
    public async Task GetAccount_RelationRecordedByTheOtherCompany_ShowsOnBothSidesNamedFromEach()
    {
        // Issue 11: East China Steel lists China Ore as its supplier; China Ore's page showed no related company.
        var client = await app.CreateAdminClientAsync();
        var steel = await client.CreateAccountAsync(Unique("East China Steel"));
        var ore = await client.CreateAccountAsync(Unique("China Ore"));
        var partner = await client.CreateAccountAsync(Unique("Port Logistics"));
        var supplies = await (await client.PostAsJsonAsync($"/api/accounts/{steel.Id()}/relations", new { relatedAccountId = ore.Id(), type = "upstream" }, Ct)).ReadObjectAsync();
        (await client.PostAsJsonAsync($"/api/accounts/{partner.Id()}/relations", new { relatedAccountId = ore.Id(), type = "partner" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var fromSteel = (await client.GetObjectAsync($"/api/accounts/{steel.Id()}"))["relations"]!.AsArray();
        var fromOre = (await client.GetObjectAsync($"/api/accounts/{ore.Id()}"))["relations"]!.AsArray();

        fromSteel.Select(r => (r!.Text("relatedAccountName"), r!.Text("type"))).ShouldBe([(ore.Text("name"), "upstream")]);
        // Seen from the supplier, the steel mill is its customer; the partner is a partner both ways. Ordered by type, then name.
        fromOre.Select(r => (r!.Text("relatedAccountName"), r!.Text("type"))).ShouldBe([(steel.Text("name"), "downstream"), (partner.Text("name"), "partner")]);
        fromOre[0]!.Id().ShouldBe(supplies.Id());
    }

    [Fact]
    public async Task AddRelation_AlreadyRecordedByTheOtherCompany_Returns400()
    {
        var client = await app.CreateAdminClientAsync();
        var steel = await client.CreateAccountAsync(Unique("Mill"));
        var ore = await client.CreateAccountAsync(Unique("Ore supplier"));
        await client.PostAsJsonAsync($"/api/accounts/{steel.Id()}/relations", new { relatedAccountId = ore.Id(), type = "upstream" }, Ct);

        var again = await client.PostAsJsonAsync($"/api/accounts/{ore.Id()}/relations", new { relatedAccountId = steel.Id(), type = "downstream" }, Ct);

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(again)).Errors.ShouldNotBeNull().Keys.ShouldBe(["relatedAccountId"]);
        (await client.GetObjectAsync($"/api/accounts/{ore.Id()}"))["relations"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task RemoveRelation_FromTheOtherCompany_Returns204AndGoneFromBoth()
    {
        var client = await app.CreateAdminClientAsync();
        var steel = await client.CreateAccountAsync(Unique("Mill"));
        var ore = await client.CreateAccountAsync(Unique("Ore supplier"));
        var relation = await (await client.PostAsJsonAsync($"/api/accounts/{steel.Id()}/relations", new { relatedAccountId = ore.Id(), type = "upstream" }, Ct)).ReadObjectAsync();

        var response = await client.DeleteAsync($"/api/accounts/{ore.Id()}/relations/{relation.Id()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetObjectAsync($"/api/accounts/{steel.Id()}"))["relations"]!.AsArray().ShouldBeEmpty();
        (await client.GetObjectAsync($"/api/accounts/{ore.Id()}"))["relations"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task AddRelation_UnknownTypeItselfOrMissingAccount_Returns400OnEachField()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Mill"));
        var url = $"/api/accounts/{account.Id()}/relations";

        var unknownType = await client.PostAsJsonAsync(url, new { relatedAccountId = (await client.CreateAccountAsync(Unique("Rival"))).Id(), type = "competitor" }, Ct);
        var itself = await client.PostAsJsonAsync(url, new { relatedAccountId = account.Id(), type = "partner" }, Ct);
        var missing = await client.PostAsJsonAsync(url, new { relatedAccountId = Guid.NewGuid(), type = "partner" }, Ct);

        unknownType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var typeProblem = await ProblemDocument.ReadAsync(unknownType);
        typeProblem.Errors.ShouldNotBeNull()["type"].ShouldHaveSingleItem().ShouldContain("competitor");
        typeProblem.Errors["type"][0].ShouldContain("upstream, downstream, partner");
        itself.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(itself)).Errors.ShouldNotBeNull().Keys.ShouldBe(["relatedAccountId"]);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(missing)).Errors.ShouldNotBeNull().Keys.ShouldBe(["relatedAccountId"]);
        (await client.GetObjectAsync($"/api/accounts/{account.Id()}"))["relations"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task AddRelation_ToUnknownAccount_Returns404()
    {
        var client = await app.CreateAdminClientAsync();
        var other = await client.CreateAccountAsync(Unique("Other"));

        var response = await client.PostAsJsonAsync($"/api/accounts/{Guid.NewGuid()}/relations", new { relatedAccountId = other.Id(), type = "partner" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RemoveRelation_Existing_Returns204AndKeepsBothAccounts()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Mill"));
        var partner = await client.CreateAccountAsync(Unique("Partner"));
        var added = await client.PostAsJsonAsync($"/api/accounts/{account.Id()}/relations", new { relatedAccountId = partner.Id(), type = "partner" }, Ct);
        var relation = await added.ReadObjectAsync();

        var response = await client.DeleteAsync($"/api/accounts/{account.Id()}/relations/{relation.Id()}", Ct);
        var again = await client.DeleteAsync($"/api/accounts/{account.Id()}/relations/{relation.Id()}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetObjectAsync($"/api/accounts/{account.Id()}"))["relations"]!.AsArray().ShouldBeEmpty();
        (await client.GetAsync($"/api/accounts/{partner.Id()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateDepartment_UnderDepartmentOfAnotherAccount_Returns400()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Mine"));
        var foreign = await client.CreateDepartmentAsync((await client.CreateAccountAsync(Unique("Theirs"))).Id(), "Finance");

        var response = await client.PostAsJsonAsync($"/api/accounts/{account.Id()}/departments",
            new { name = "Treasury", parentDepartmentId = foreign.Id() }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull()["parentDepartmentId"].ShouldHaveSingleItem().ShouldContain("same account");
    }

    [Fact]
    public async Task CreateDepartment_BlankOrTooLongName_Returns400OnName()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Departments"));

        var blank = await client.PostAsJsonAsync($"/api/accounts/{account.Id()}/departments", new { name = "" }, Ct);
        var tooLong = await client.PostAsJsonAsync($"/api/accounts/{account.Id()}/departments", new { name = new string('d', 201) }, Ct);

        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(blank)).Errors.ShouldNotBeNull().Keys.ShouldBe(["name"]);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(tooLong)).Errors.ShouldNotBeNull()["name"].ShouldHaveSingleItem().ShouldContain("200");
    }

    [Fact]
    public async Task UpdateDepartment_UnderItsOwnSubDepartment_Returns400()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Departments"));
        var finance = await client.CreateDepartmentAsync(account.Id(), "Finance");
        var treasury = await client.CreateDepartmentAsync(account.Id(), "Treasury", finance.Id());

        var response = await client.PutAsJsonAsync($"/api/departments/{finance.Id()}",
            new { name = "Finance", parentDepartmentId = treasury.Id(), version = 1 }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemDocument.ReadAsync(response)).Errors.ShouldNotBeNull().Keys.ShouldBe(["parentDepartmentId"]);
    }

    [Fact]
    public async Task UpdateDepartment_StaleVersion_Returns409()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Departments"));
        var finance = await client.CreateDepartmentAsync(account.Id(), "Finance");
        var url = $"/api/departments/{finance.Id()}";

        var first = await client.PutAsJsonAsync(url, new { name = "Finance and Controlling", version = 1 }, Ct);
        var second = await client.PutAsJsonAsync(url, new { name = "Accounting", version = 1 }, Ct);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.ReadObjectAsync()).Version().ShouldBe(2);
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var stored = (await client.GetObjectAsync($"/api/accounts/{account.Id()}"))["departments"]!.AsArray().ShouldHaveSingleItem()!;
        stored.Text("name").ShouldBe("Finance and Controlling");
    }

    [Fact]
    public async Task DeleteDepartment_WithPeopleAndSubDepartments_KeepsPeopleAndMovesSubDepartmentsUp()
    {
        var client = await app.CreateAdminClientAsync();
        var account = await client.CreateAccountAsync(Unique("Reorganised"));
        var board = await client.CreateDepartmentAsync(account.Id(), "Board");
        var finance = await client.CreateDepartmentAsync(account.Id(), "Finance", board.Id());
        var treasury = await client.CreateDepartmentAsync(account.Id(), "Treasury", finance.Id());
        var cfo = await client.CreatePersonAsync(new { accountId = account.Id(), name = "Li Wei", departmentId = finance.Id() });

        var response = await client.DeleteAsync($"/api/departments/{finance.Id()}?version=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var stored = await client.GetObjectAsync($"/api/accounts/{account.Id()}");
        var departments = stored["departments"]!.AsArray();
        departments.Names().ShouldBe(["Board", "Treasury"], ignoreOrder: true);
        departments.Single(d => d!["id"]!.GetValue<Guid>() == treasury.Id())!["parentDepartmentId"]!.GetValue<Guid>().ShouldBe(board.Id());
        var person = stored["people"]!.AsArray().ShouldHaveSingleItem()!;
        person.Id().ShouldBe(cfo.Id());
        person["departmentId"].ShouldBeNull();
    }

    [Fact]
    public async Task OpenApi_Document_NamesAndSummarisesEveryAccountPersonAndColleagueOperation()
    {
        var document = await (await app.CreateAdminClientAsync()).GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct); // the description needs sign-in

        var operations = document!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!.AsObject()))
            .Where(op => op["operationId"] is not null)
            .ToDictionary(op => op["operationId"]!.GetValue<string>());
        string[] expected =
        [
            "ListAccounts", "GetAccount", "CreateAccount", "UpdateAccount", "DeleteAccount", "AddAccountRelation", "RemoveAccountRelation",
            "CreateDepartment", "UpdateDepartment", "DeleteDepartment", "ListPeople", "ListOrgChart", "GetPerson", "CreatePerson", "UpdatePerson", "DeletePerson",
            "ListColleagues", "GetColleague", "CreateColleague", "UpdateColleague", "DeleteColleague",
        ];
        foreach (var name in expected)
        {
            operations.ShouldContainKey(name);
            operations[name]["summary"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            operations[name]["tags"]!.AsArray().ShouldNotBeEmpty();
        }
        operations["UpdateAccount"]["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "404", "409"], ignoreOrder: true);
    }
}

public sealed class AccountEndpointsTests_Sqlite(SqliteApp app) : AccountEndpointsTests<SqliteApp>(app);
public sealed class AccountEndpointsTests_Postgres(PostgresApp app) : AccountEndpointsTests<PostgresApp>(app);
