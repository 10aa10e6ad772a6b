using KeySell.Application.BuyingInfluences;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Funnel;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using static KeySell.Application.Generation.MadeUpNames;

namespace KeySell.Application.Generation;

/// <summary>The records of a run of consecutive accounts, in an order their foreign keys accept.</summary>
internal sealed class MadeUpBatch
{
    public List<Account> Accounts { get; } = [];
    public List<AccountRelation> Relations { get; } = [];
    public List<Department> Departments { get; } = [];
    public List<Person> People { get; } = [];
    public List<Opportunity> Opportunities { get; } = [];
    public List<BuyingInfluence> Influences { get; } = [];
    public List<FunnelChange> FunnelChanges { get; } = [];
    public List<FitRating> Ratings { get; } = [];

    public long Rows => Ratings.Count + Accounts.Count + Relations.Count + Departments.Count + People.Count + Opportunities.Count + Influences.Count + FunnelChanges.Count;
}

/// <summary>Who may own made-up accounts and deals: the sellers of each team, and colleagues who act as counterparts.</summary>
internal sealed record MadeUpSalesForce(IReadOnlyList<IReadOnlyList<Guid>> SellersByTeam, IReadOnlyList<Guid> Counterparts);

/// <summary>
/// Makes accounts one at a time, deterministically for a seed: groups with subsidiaries, related
/// companies, departments and reports-to trees, and deals with 3–8 buying influences whose values
/// are the method's. Every record is stamped as a save by <paramref name="by"/> at its creation
/// moment would stamp it (version 1, created = updated), so the data reads as if typed in.
/// </summary>
internal sealed class MadeUpAccounts(
    int seed, GenerateData.Command command, long accountsBefore, MadeUpSalesForce salesForce, DateTimeOffset now, string by,
    IReadOnlyList<FitScore.Rated>? criteria = null, IReadOnlyList<Guid>? criterionIds = null)
{
    private readonly Random _random = new(seed);
    // Ratings draw from their own sequence, so the rest of a seed's data is what it was before ratings existed.
    private readonly Random _fit = new(seed ^ 0x5F17);

    private static readonly string[] FitNotes =
    [
        "同行业已有成功案例 A peer in the industry is a reference",
        "预算需集团审批 Budget needs group approval",
        "决策链很长 Long decision chain",
        "愿意试点新方案 Willing to pilot new solutions",
        "只看价格 Buys on price alone",
        "下次拜访时了解 Ask at the next visit",
    ];
    private readonly List<Guid> _recentAccounts = [];
    private int _made;
    private int _opportunitiesMade;
    private Guid? _groupHead;
    private string _groupName = "";
    private int _subsidiariesLeft;

    public int Made => _made;

    /// <summary>Makes the next <paramref name="count"/> accounts with everything that belongs to them.</summary>
    public MadeUpBatch Next(int count)
    {
        var batch = new MadeUpBatch();
        for (var i = 0; i < count && _made < command.Accounts; i++, _made++) MakeAccount(batch);
        return batch;
    }

    private void MakeAccount(MadeUpBatch batch)
    {
        var created = Moment(daysBack: 730);
        var industry = Pick(Industries);
        var team = salesForce.SellersByTeam[_random.Next(salesForce.SellersByTeam.Count)];
        var owner = team[_random.Next(team.Count)];
        var account = Stamp(new Account
        {
            Id = NewId(),
            Industry = industry.Industry,
            Size = $"{_random.Next(2, 400) * 100:N0} employees",
            Region = Pick(Regions),
            OwnerId = owner,
        }, created);

        // A group head is followed by its subsidiaries, named after it ("…集团" then "…（苏州）有限公司").
        var prefix = Pick(CityPrefixes);
        var form = Pick(CompanyForms);
        var serial = accountsBefore + _made + 1;
        if (_subsidiariesLeft > 0 && _groupHead is { } head)
        {
            var place = Pick(SubsidiaryPlaces);
            account.ParentAccountId = head;
            account.Name = $"{_groupName}（{place.Zh}）{form.Zh} {place.En} {form.En} #{serial}";
            _subsidiariesLeft--;
        }
        else if (_random.Next(10) == 0)
        {
            _groupHead = account.Id;
            _groupName = prefix.Zh + industry.NameZh;
            _subsidiariesLeft = _random.Next(2, 5);
            account.Name = $"{prefix.Zh}{industry.NameZh}集团 {prefix.En} {industry.NameEn} Group #{serial}";
        }
        else
        {
            _subsidiariesLeft = 0;
            account.Name = $"{prefix.Zh}{industry.NameZh}{form.Zh} {prefix.En} {industry.NameEn} {form.En} #{serial}";
        }
        batch.Accounts.Add(account);
        Rate(batch, account, created);

        // Upstream suppliers, downstream customers and partners among the accounts made just before.
        if (_recentAccounts.Count > 0 && _random.Next(8) == 0)
        {
            var related = _recentAccounts[_random.Next(_recentAccounts.Count)];
            batch.Relations.Add(new AccountRelation { Id = NewId(), AccountId = account.Id, RelatedAccountId = related, Type = (RelationType)_random.Next(1, 4) });
        }
        _recentAccounts.Add(account.Id);
        if (_recentAccounts.Count > 50) _recentAccounts.RemoveAt(0);

        var people = MakeOrgChart(batch, account, created);
        MakeOpportunities(batch, account, people, team, owner, created);
    }

    private List<Person> MakeOrgChart(MadeUpBatch batch, Account account, DateTimeOffset created)
    {
        var big = _made < command.BigAccounts;
        var headcount = big
            ? command.BigAccountPeople
            : Math.Max(3, (int)Math.Round(command.PeoplePerAccount * (0.5 + _random.NextDouble())));
        var departmentCount = big ? Departments.Length : Math.Clamp(headcount / 3, 1, 5);
        var foreign = _random.Next(12) == 0;
        var domain = $"c{accountsBefore + _made + 1}.example.cn";

        var people = new List<Person>(headcount);
        var top = MakePerson(account, created, TopTitle, null, null, foreign, domain);
        people.Add(top);

        // Departments, each with a head reporting to the top; a big account splits each into units with their own leads.
        var heads = new List<(Guid Department, Person Head)>();
        foreach (var name in Departments.OrderBy(_ => _random.Next()).Take(departmentCount))
        {
            var department = Stamp(new Department { Id = NewId(), AccountId = account.Id, Name = name }, created);
            batch.Departments.Add(department);
            if (people.Count >= headcount) continue;
            var head = MakePerson(account, created, Pick(HeadTitles), department.Id, top.Id, foreign, domain);
            people.Add(head);
            heads.Add((department.Id, head));
            if (!big) continue;
            foreach (var unitName in Units.Take(_random.Next(2, Units.Length)))
            {
                var unit = Stamp(new Department { Id = NewId(), AccountId = account.Id, Name = unitName, ParentDepartmentId = department.Id }, created);
                batch.Departments.Add(unit);
                if (people.Count >= headcount) continue;
                var lead = MakePerson(account, created, "组长 Team Lead", unit.Id, head.Id, foreign, domain);
                people.Add(lead);
                heads.Add((unit.Id, lead));
            }
        }
        while (people.Count < headcount)
        {
            var (department, boss) = heads.Count == 0 ? ((Guid?)null, top) : heads[_random.Next(heads.Count)];
            people.Add(MakePerson(account, created, Pick(StaffTitles), department, boss.Id, foreign, domain));
        }
        batch.People.AddRange(people);
        return people;
    }

    private Person MakePerson(Account account, DateTimeOffset created, string title, Guid? department, Guid? reportsTo, bool foreign, string domain)
    {
        string name, mail;
        if (foreign)
        {
            var (first, last) = (Pick(EnglishFirstNames), Pick(EnglishLastNames));
            name = $"{first} {last}";
            mail = $"{first}.{last}";
        }
        else
        {
            var (surname, given) = (Pick(Surnames), Pick(GivenNames));
            name = $"{surname.Zh}{given.Zh} {given.En} {surname.En}";
            mail = $"{given.En}.{surname.En}";
        }
        var id = NewId();
        return Stamp(new Person
        {
            Id = id,
            AccountId = account.Id,
            Name = name,
            Title = title,
            DepartmentId = department,
            ReportsToId = reportsTo,
            Email = _random.Next(3) == 0 ? null : $"{mail.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}.{id.ToString("N")[..4]}@{domain}",
            Phone = _random.Next(2) == 0 ? null : $"+86 1{_random.Next(30, 90)} {_random.Next(1000, 10000)} {_random.Next(1000, 10000)}",
            Status = _random.Next(40) == 0 ? PersonStatus.LeftCompany : PersonStatus.Active,
        }, created);
    }

    private void MakeOpportunities(MadeUpBatch batch, Account account, List<Person> people, IReadOnlyList<Guid> team, Guid accountOwner, DateTimeOffset accountCreated)
    {
        // Deals are spread evenly over the accounts, so the totals are exactly what was asked.
        var upTo = (long)command.Opportunities * (_made + 1) / command.Accounts;
        var count = (int)(upTo - _opportunitiesMade);
        _opportunitiesMade += count;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var n = 0; n < count; n++)
        {
            var created = Later(accountCreated);
            var product = Pick(Products);
            var level = Level();
            var closeDate = level is FunnelLevel.Won or FunnelLevel.Lost
                ? today.AddDays(-_random.Next(1, 365))
                : today.AddDays(_random.Next(-30, 365));
            var deal = Stamp(new Opportunity
            {
                Id = NewId(),
                AccountId = account.Id,
                Name = $"{product.Zh} {product.En} — {account.Name.Split(' ')[0]}",
                Objective = new SalesObjective
                {
                    Product = _random.Next(10) == 0 ? null : $"{product.Zh} {product.En}",
                    Quantity = _random.Next(4) == 0 ? null : _random.Next(1, 500),
                    Amount = _random.Next(12) == 0 ? null : Math.Round((decimal)Math.Exp(_random.NextDouble() * 6 + 11.5) / 1000m) * 1000m,
                    Currency = Pick(Currencies),
                    CloseDate = _random.Next(15) == 0 ? null : closeDate,
                },
                Engagement = _random.Next(5) == 0 ? null : (Engagement)_random.Next(1, 4),
                FunnelLevel = level,
                ExpectedOutcome = _random.Next(3) == 0 ? null : _random.Next(6) == 0 ? (ExpectedOutcome)_random.Next(2, 5) : ExpectedOutcome.WinWin,
                OwnerId = _random.Next(10) < 7 ? accountOwner : team[_random.Next(team.Count)],
                CreatedOn = DateOnly.FromDateTime(created.UtcDateTime),
            }, created);
            batch.Opportunities.Add(deal);
            MakeInfluences(batch, deal, people, created, today);
            MakeFunnelHistory(batch, deal, created);
        }
    }

    private static readonly FunnelLevel[] WayUp = [FunnelLevel.Universe, FunnelLevel.Above, FunnelLevel.In, FunnelLevel.BestFew];

    /// <summary>
    /// The moves that brought a deal to its level, as the saves would have recorded them: created in the universe, up
    /// one level at a time, and a closed deal won from the best few or lost from wherever it stood — so win rates by
    /// level read from the history have something to count.
    /// </summary>
    private void MakeFunnelHistory(MadeUpBatch batch, Opportunity deal, DateTimeOffset created)
    {
        var closed = deal.FunnelLevel is FunnelLevel.Won or FunnelLevel.Lost;
        var reached = deal.FunnelLevel switch
        {
            FunnelLevel.Won => WayUp.Length - 1,
            FunnelLevel.Lost => _random.Next(WayUp.Length),
            var level => Array.IndexOf(WayUp, level),
        };
        var moves = reached + 1 + (closed ? 1 : 0);
        var span = (now - created).Ticks;
        FunnelLevel? from = null;
        for (var step = 0; step < moves; step++)
        {
            var to = step <= reached ? WayUp[step] : deal.FunnelLevel;
            // Creation at the deal's own moment, the later moves spread evenly up to now, in whole milliseconds.
            var at = step == 0 ? created : created.AddTicks(span * step / moves / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond);
            batch.FunnelChanges.Add(new FunnelChange { Id = NewId(), OpportunityId = deal.Id, At = at, By = by, From = from, To = to });
            from = to;
        }
    }

    private void MakeInfluences(MadeUpBatch batch, Opportunity deal, List<Person> people, DateTimeOffset created, DateOnly today)
    {
        var count = Math.Min(_random.Next(3, 9), people.Count);
        var keys = new HashSet<string>();
        var chosen = new HashSet<int>();
        for (var position = 0; position < count; position++)
        {
            int index;
            do index = _random.Next(people.Count); while (!chosen.Add(index));
            var person = people[index];
            var key = InfluenceKeys.Unique(InfluenceKeys.Slug(person.Name, person.Id), keys);
            keys.Add(key);
            // Most deals have an economic buyer, a technical buyer and users; some lack a coach, which the analysis flags.
            var roles = position switch
            {
                0 => _random.Next(8) == 0 ? BuyingRoles.Technical : BuyingRoles.Economic,
                1 => _random.Next(3) == 0 ? BuyingRoles.Technical | BuyingRoles.Coach : BuyingRoles.Technical,
                2 => BuyingRoles.User,
                _ => BuyingRolesExtensions.Each[_random.Next(BuyingRolesExtensions.Each.Length)],
            };
            batch.Influences.Add(Stamp(new BuyingInfluence
            {
                Id = NewId(),
                OpportunityId = deal.Id,
                PersonId = person.Id,
                Key = key,
                Position = position,
                Roles = roles,
                Influence = (InfluenceLevel)_random.Next(0, 4),
                Support = _random.Next(6) == 0 ? null : _random.Next(-5, 6),
                Contact = (ContactLevel)_random.Next(0, 4),
                Mode = (ResponseMode)_random.Next(0, 5),
                CounterpartId = _random.Next(4) == 0 ? null : salesForce.Counterparts[_random.Next(salesForce.Counterparts.Count)],
                Since = _random.Next(4) == 0 ? null : today.AddDays(-_random.Next(0, 400)),
                LastContact = _random.Next(3) == 0 ? null : today.AddDays(-_random.Next(0, 90)),
                Wins = _random.Next(3) == 0 ? [] : [Pick(MadeUpNames.Wins)],
                Results = _random.Next(3) == 0 ? [] : [Pick(MadeUpNames.Results)],
            }, created));
        }
    }

    private FunnelLevel Level() => _random.Next(20) switch
    {
        < 2 => FunnelLevel.Universe,
        < 8 => FunnelLevel.Above,
        < 13 => FunnelLevel.In,
        < 16 => FunnelLevel.BestFew,
        < 18 => FunnelLevel.Won,
        _ => FunnelLevel.Lost,
    };

    /// <summary>
    /// Most accounts are rated on most criteria around a leaning of their own (some good fits, some to
    /// prune), a few with a note; the stored score is what the ratings give, as a save would store it.
    /// </summary>
    private void Rate(MadeUpBatch batch, Account account, DateTimeOffset created)
    {
        if (criteria is null || criterionIds is null || _fit.Next(10) < 4) return;
        var leaning = _fit.Next(-3, 5);
        var given = new List<FitScore.Rated>(criteria.Count);
        for (var i = 0; i < criteria.Count; i++)
        {
            if (_fit.Next(7) == 0) continue;
            var rating = Math.Clamp(leaning + _fit.Next(-2, 3), FitRating.MinRating, FitRating.MaxRating);
            batch.Ratings.Add(Stamp(new FitRating
            {
                Id = FitId(), AccountId = account.Id, CriterionId = criterionIds[i], Rating = rating,
                Note = _fit.Next(10) == 0 ? FitNotes[_fit.Next(FitNotes.Length)] : null,
            }, created));
            given.Add(criteria[i] with { Rating = rating });
        }
        account.IdealCustomerScore = FitScore.Of(given);
    }

    private Guid FitId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _fit.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private T Stamp<T>(T record, DateTimeOffset at) where T : Domain.Common.AuditedEntity
    {
        record.CreatedAt = record.UpdatedAt = at;
        record.CreatedBy = record.UpdatedBy = by;
        record.Version = 1;
        return record;
    }

    /// <summary>A moment in the last <paramref name="daysBack"/> days, whole milliseconds as a save through the app stores.</summary>
    private DateTimeOffset Moment(int daysBack) =>
        now.AddMilliseconds(-(long)(_random.NextDouble() * daysBack * 86_400_000)).ToUniversalTime();

    private DateTimeOffset Later(DateTimeOffset after) =>
        after.AddMilliseconds((long)(_random.NextDouble() * (now - after).TotalMilliseconds));

    /// <summary>A version-4 GUID from the seeded generator: the same seed gives the same ids.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
