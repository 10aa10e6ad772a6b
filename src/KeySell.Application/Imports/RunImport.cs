using System.Text;
using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using KeySell.Domain.Common;
using KeySell.Domain.Imports;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Imports;

/// <summary>
/// Runs one queued import job as the user who started it: reads the file one row at a time,
/// checks every row, and (unless a dry run) adds or updates records by external id in batches of
/// <see cref="BatchSize"/> rows, each batch one save through the access rules and the history.
/// A second pass links parents (accounts) and reports-to (contacts), which may point to rows further down.
/// </summary>
public static class RunImport
{
    // Lists of ids go to the database as one JSON parameter each (EF.Parameter): EF 10's default of one
    // parameter per item would build and bind 5,000 parameters per query, which cost more than the query.

    /// <summary>Rows per transaction: large enough that a save costs little per row, small enough that memory stays flat.</summary>
    public const int BatchSize = 5_000;

    /// <summary>Problems kept in the job for the report; the error file holds every bad row.</summary>
    public const int KeptProblems = 200;

    public sealed record Command(Guid JobId);

    public sealed class Handler(AppDbContext db, KeySellOptions options)
    {
        public async Task<Result<ImportJobDetail>> Handle(Command command, CancellationToken ct)
        {
            var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == command.JobId, ct);
            if (job is null) return Error.NotFound(Messages.Format("NotFound", "Import", command.JobId));
            if (job.State != ImportState.Queued) return Error.Conflict(Messages.Format("Imports.NotQueued", job.State.ToId()));

            job.State = ImportState.Running;
            job.StartedAt = db.Time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            var run = new Run(db, job, options);
            try
            {
                await run.ExecuteAsync(ct);
                job.State = ImportState.Done;
            }
            catch (Exception e) when (e is OperationCanceledException or DbUpdateException or IOException or InvalidDataException
                                          or Access.AccessDeniedException or InvalidOperationException)
            {
                job.State = ImportState.Failed;
                job.Message = Texts.Cut(e is OperationCanceledException ? Messages.Format("Imports.Stopped", job.RowsRead) : Messages.Format("Imports.Failed", job.RowsRead, e.Message), ImportJob.MessageMaxLength);
            }
            finally
            {
                run.CloseErrorFile();
                // The upload has served its purpose (the user keeps the original; the error file stays).
                var upload = Path.Combine(options.ResolveDataDirectory(), job.StoredFile);
                if (File.Exists(upload)) File.Delete(upload);
            }
            // The last word is kept even when the run was cancelled (the server is stopping).
            db.ChangeTracker.Clear();
            db.ImportJobs.Attach(job);
            job.FinishedAt = db.Time.GetUtcNow();
            run.Report(job);
            db.Entry(job).State = EntityState.Modified;
            await db.SaveChangesAsync(CancellationToken.None);
            return ImportJobDetail.From(job);
        }
    }

    /// <summary>One row of the file being worked on, copied out of the reader's reused array.</summary>
    private sealed class Row(long number, string[] cells)
    {
        public long Number { get; } = number;
        public string[] Cells { get; } = cells;
        public List<(string? Column, string Message)> Problems { get; } = [];
        public bool Bad => Problems.Count > 0;
    }

    private sealed class Run(AppDbContext db, ImportJob job, KeySellOptions options)
    {
        private readonly Dictionary<string, int> _field = new(StringComparer.Ordinal);
        private string[] _columns = [];
        private readonly List<ImportProblem> _kept = [];
        private readonly HashSet<long> _badRows = [];
        // Ids (and names, when a column refers to rows by name) seen in the file: in a temporary table,
        // not in memory, so a file of any length costs the same heap (docs/imports.md).
        private readonly FileKeys _keys = new(db);
        private long _problems;
        private StreamWriter? _errors;
        private long _created, _updated, _unchanged, _read;
        private Dictionary<string, Guid>? _colleaguesByEmail;

        private string Source => job.Source;

        public async Task ExecuteAsync(CancellationToken ct)
        {
            var path = Path.Combine(options.ResolveDataDirectory(), job.StoredFile);
            var mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(job.Mapping) ?? [];
            await _keys.OpenAsync(ct);
            // Changes are detected once per batch (SaveProgressAsync), not by every look at the change
            // tracker: the save, its audit, write guard and history each look, which on 10,000 tracked
            // records cost more than the inserts.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try { await PassesAsync(path, mapping, ct); }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                await _keys.DisposeAsync();
            }
        }

        private async Task PassesAsync(string path, Dictionary<string, string> mapping, CancellationToken ct)
        {
            // Pass 1: check every row, write the good ones.
            var batch = new List<Row>(BatchSize);
            long number = 0;
            foreach (var cells in CrmFile.Rows(path, ct))
            {
                number++;
                if (number == 1)
                {
                    _columns = cells.ToArray();
                    for (var i = 0; i < _columns.Length; i++)
                        if (mapping.TryGetValue(_columns[i], out var field) && ImportFields.IsKnown(job.Kind, field)) _field.TryAdd(field, i);
                    continue;
                }
                batch.Add(new Row(number, cells.ToArray()));
                if (batch.Count == BatchSize)
                {
                    await WriteBatchAsync(batch, ct);
                    batch.Clear();
                }
            }
            if (batch.Count > 0) await WriteBatchAsync(batch, ct);
            batch.Clear();

            // Pass 2: links that may point further down the file.
            var link = job.Kind switch
            {
                ImportKind.Accounts => Has(ImportFields.ParentExternalId) || Has(ImportFields.ParentName),
                ImportKind.Contacts => Has(ImportFields.ReportsToExternalId) || Has(ImportFields.ReportsToName),
                _ => false,
            };
            if (!link) return;
            number = 0;
            foreach (var cells in CrmFile.Rows(path, ct))
            {
                if (++number == 1 || _badRows.Contains(number)) continue;
                batch.Add(new Row(number, cells.ToArray()));
                if (batch.Count == BatchSize)
                {
                    await LinkBatchAsync(batch, ct);
                    batch.Clear();
                }
            }
            if (batch.Count > 0) await LinkBatchAsync(batch, ct);
        }

        /// <summary>A new record: added to the save, or in a dry run only counted (tracking it would cost more than the checks).</summary>
        private void Add(object record)
        {
            if (job.DryRun) _created++;
            else db.Add(record);
        }

        private bool Has(string field) => _field.ContainsKey(field);

        private string Get(Row row, string field) =>
            _field.TryGetValue(field, out var i) && i < row.Cells.Length ? row.Cells[i].Trim() : "";

        private string? Optional(Row row, string field) => Get(row, field) is { Length: > 0 } text ? text : null;

        private string ColumnOf(string field) => _field.TryGetValue(field, out var i) ? _columns[i] : field;

        private void Problem(Row row, string field, string message) => row.Problems.Add((ColumnOf(field), message));

        // ---- pass 1 ------------------------------------------------------------------------------

        private async Task WriteBatchAsync(List<Row> rows, CancellationToken ct)
        {
            foreach (var row in rows) Check(row);
            await CheckKeysAsync(rows, ct);
            var good = rows.Where(r => !r.Bad).ToList();
            if (good.Count > 0)
            {
                switch (job.Kind)
                {
                    case ImportKind.Accounts: await AccountsAsync(good, ct); break;
                    case ImportKind.Contacts: await ContactsAsync(good, ct); break;
                    case ImportKind.Opportunities: await OpportunitiesAsync(good, ct); break;
                }
            }
            _read += rows.Count;
            foreach (var row in rows.Where(r => r.Bad)) Record(row);

            // In a dry run these are what the run would do.
            DetectChangesOfLoadedRecords();
            foreach (var entry in db.ChangeTracker.Entries<IExternallyKnown>())
            {
                if (entry.State == EntityState.Added) _created++;
                else if (entry.State == EntityState.Modified) _updated++;
                else if (entry.State == EntityState.Unchanged) _unchanged++;
            }
            await SaveProgressAsync(ct);
        }

        /// <summary>
        /// Only records read from the database can have changed behind the tracker's back; new ones are
        /// saved as they are when the batch is saved, so looking at them (half the tracker) is wasted.
        /// </summary>
        private void DetectChangesOfLoadedRecords()
        {
            foreach (var entry in db.ChangeTracker.Entries())
                if (entry.State != EntityState.Added) entry.DetectChanges();
        }

        /// <summary>Saves the batch and the job's counts in one transaction, then forgets the batch.</summary>
        private async Task SaveProgressAsync(CancellationToken ct)
        {
            db.ImportJobs.Attach(job);
            Report(job);
            db.Entry(job).State = EntityState.Modified;
            if (job.DryRun)
            {
                // A dry run writes nothing but its own progress.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not ImportJob && e.State != EntityState.Unchanged).ToList())
                    entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        public void Report(ImportJob target)
        {
            target.RowsRead = _read;
            target.Created = _created;
            target.Updated = _updated;
            target.Unchanged = _unchanged;
            target.BadRows = _badRows.Count;
            target.Problems = _problems;
            target.FirstProblems = JsonSerializer.Serialize(_kept, ImportJobDetail.Json);
            target.IgnoredColumns = JsonSerializer.Serialize(_columns.Where((_, i) => !_field.ContainsValue(i)).ToArray(), ImportJobDetail.Json);
        }

        /// <summary>The checks a row passes or fails on its own, before any lookup.</summary>
        private void Check(Row row)
        {
            foreach (var (field, i) in _field)
            {
                if (i >= row.Cells.Length) continue;
                var text = row.Cells[i].Trim();
                if (field is ImportFields.Amount or ImportFields.Quantity) continue;
                if (CellValues.IsFormulaLike(text)) Problem(row, field, Messages.Format("Imports.FormulaLike"));
            }

            if (Optional(row, ImportFields.ExternalId) is { Length: > IExternallyKnown.IdMaxLength })
                Problem(row, ImportFields.ExternalId, Messages.Format("TooLong", IExternallyKnown.IdMaxLength));

            var name = NameOf(row);
            if (name.Length == 0) Problem(row, job.Kind == ImportKind.Contacts && !Has(ImportFields.Name) ? ImportFields.LastName : ImportFields.Name, Messages.Format("Required"));
            else if (name.Length > Account.NameMaxLength) Problem(row, ImportFields.Name, Messages.Format("TooLong", Account.NameMaxLength));

            if (job.Kind is ImportKind.Contacts or ImportKind.Opportunities
                && Optional(row, ImportFields.AccountExternalId) is null && Optional(row, ImportFields.AccountName) is null)
                Problem(row, Has(ImportFields.AccountExternalId) ? ImportFields.AccountExternalId : ImportFields.AccountName, Messages.Format("Required"));

            foreach (var field in (string[])[ImportFields.Industry, ImportFields.Size, ImportFields.Region])
                if (Get(row, field).Length > Account.TextMaxLength) Problem(row, field, Messages.Format("TooLong", Account.TextMaxLength));
            foreach (var field in (string[])[ImportFields.Title, ImportFields.Department, ImportFields.Phone, ImportFields.Email, ImportFields.Product])
                if (Get(row, field).Length > Person.TitleMaxLength) Problem(row, field, Messages.Format("TooLong", Person.TitleMaxLength));
            if (Optional(row, ImportFields.Email) is { } email && !CellValues.IsEmail(email)) Problem(row, ImportFields.Email, Messages.Format("InvalidEmail", email));
            if (Optional(row, ImportFields.OwnerEmail) is { } owner && !CellValues.IsEmail(owner)) Problem(row, ImportFields.OwnerEmail, Messages.Format("InvalidEmail", owner));

            if (job.Kind != ImportKind.Opportunities) return;
            if (Optional(row, ImportFields.Amount) is { } amount && (!CellValues.TryNumber(amount, out var a) || a < 0 || a >= 10_000_000_000_000_000m))
                Problem(row, ImportFields.Amount, Messages.Format("Imports.NotANumber", amount));
            if (Optional(row, ImportFields.Quantity) is { } quantity && (!CellValues.TryNumber(quantity, out var q) || q < 0 || q >= 100_000_000_000_000m))
                Problem(row, ImportFields.Quantity, Messages.Format("Imports.NotANumber", quantity));
            if (Optional(row, ImportFields.Currency) is { } currency && !Validation.Currencies.IsValid(currency.ToUpperInvariant()))
                Problem(row, ImportFields.Currency, Messages.Format("Currency", currency));
            if (Optional(row, ImportFields.CloseDate) is { } date && !CellValues.TryDate(date, out _))
                Problem(row, ImportFields.CloseDate, Messages.Format("Imports.NotADate", date));
            if (Optional(row, ImportFields.Stage) is { } stage && CellValues.Stage(stage) is null)
                Problem(row, ImportFields.Stage, Messages.Format("Imports.UnknownStage", stage));
        }

        private string NameOf(Row row) => job.Kind == ImportKind.Contacts && Optional(row, ImportFields.Name) is null
            ? CellValues.PersonName(Get(row, ImportFields.FirstName), Get(row, ImportFields.LastName))
            : Get(row, ImportFields.Name);

        /// <summary>What a reference by name matches: an account's name; a person's account and name.</summary>
        private string NameKey(Row row) => job.Kind == ImportKind.Contacts ? AccountKey(row) + "\n" + NameOf(row) : NameOf(row);

        private string AccountKey(Row row) => Optional(row, ImportFields.AccountExternalId) ?? "name:" + Get(row, ImportFields.AccountName);

        private static string IdKey(string externalId) => "i:" + externalId;

        private static string NameKeyOf(string nameKey) => "n:" + nameKey;

        /// <summary>
        /// Duplicate ids in the file, checked against the batch itself and then against every earlier
        /// batch (the temporary table): the first row with an id wins, each later one is reported.
        /// Names are noted for references by name, which the second pass may need.
        /// </summary>
        private async Task CheckKeysAsync(List<Row> rows, CancellationToken ct)
        {
            var inBatch = new HashSet<string>(StringComparer.Ordinal);
            var firsts = new List<(Row Row, string Id)>();
            foreach (var row in rows)
            {
                if (Optional(row, ImportFields.ExternalId) is not { Length: > 0 and <= IExternallyKnown.IdMaxLength } id) continue;
                if (inBatch.Add(id)) firsts.Add((row, id));
                else Problem(row, ImportFields.ExternalId, Messages.Format("Imports.DuplicateId", id));
            }
            var fresh = await _keys.AddAsync(firsts.Select(f => IdKey(f.Id)).ToList(), ct);
            foreach (var (row, id) in firsts)
                if (!fresh.Contains(IdKey(id))) Problem(row, ImportFields.ExternalId, Messages.Format("Imports.DuplicateId", id));

            if (!Has(ImportFields.ParentName) && !Has(ImportFields.ReportsToName)) return;
            var names = rows.Where(r => NameOf(r) is { Length: > 0 and <= Account.NameMaxLength }).Select(r => NameKeyOf(NameKey(r))).ToHashSet(StringComparer.Ordinal);
            await _keys.AddAsync(names, ct);
        }

        private async Task<Guid?> OwnerAsync(Row row, CancellationToken ct)
        {
            if (Optional(row, ImportFields.OwnerEmail) is not { } email) return null;
            _colleaguesByEmail ??= await db.Colleagues.Where(c => c.Email != null)
                .Select(c => new { c.Email, c.Id }).ToDictionaryAsync(c => c.Email!.ToLowerInvariant(), c => c.Id, ct);
            if (!_colleaguesByEmail.TryGetValue(email.ToLowerInvariant(), out var owner))
            {
                Problem(row, ImportFields.OwnerEmail, Messages.Format("Imports.UnknownOwner", email));
                return null;
            }
            // The importer owns what they import unless an admin maps owners.
            if (!db.CallerIsAdmin && owner != db.CallerColleagueId)
            {
                Problem(row, ImportFields.OwnerEmail, Messages.Format("Imports.OwnerAdminOnly"));
                return null;
            }
            return owner;
        }

        /// <summary>
        /// External ids of this batch that some record holds which the caller cannot read (another's, or in
        /// the recycle bin): they would collide with the unique index, so those rows are reported instead.
        /// The queries are written per record type, so EF caches each one.
        /// </summary>
        private static async Task<HashSet<string>> HiddenIdsAsync(IQueryable<string> held, IQueryable<string> readable, CancellationToken ct)
        {
            var all = await held.ToListAsync(ct);
            if (all.Count == 0) return [];
            return all.Except(await readable.ToListAsync(ct)).ToHashSet();
        }

        private async Task AccountsAsync(List<Row> rows, CancellationToken ct)
        {
            var ids = rows.Select(r => Optional(r, ImportFields.ExternalId)).OfType<string>().ToList();
            var names = rows.Where(r => Optional(r, ImportFields.ExternalId) is null).Select(NameOf).ToList();
            var byId = await db.Accounts.Where(a => a.ExternalSource == Source && EF.Parameter(ids).Contains(a.ExternalId!)).ToDictionaryAsync(a => a.ExternalId!, ct);
            var byName = names.Count == 0 ? [] : (await db.Accounts.Where(a => EF.Parameter(names).Contains(a.Name)).ToListAsync(ct))
                .GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First());
            var hidden = await HiddenIdsAsync(
                db.Accounts.IgnoreQueryFilters().Where(a => a.ExternalSource == Source && EF.Parameter(ids).Contains(a.ExternalId!)).Select(a => a.ExternalId!),
                db.Accounts.Where(a => a.ExternalSource == Source && EF.Parameter(ids).Contains(a.ExternalId!)).Select(a => a.ExternalId!), ct);
            var existingIds = byId.Values.Concat(byName.Values).Select(a => a.Id).ToList();
            var writable = (await db.Accounts.Where(a => EF.Parameter(existingIds).Contains(a.Id)).Where(db.CanWriteAccount).Select(a => a.Id).ToListAsync(ct)).ToHashSet();

            foreach (var row in rows)
            {
                var externalId = Optional(row, ImportFields.ExternalId);
                if (externalId is not null && hidden.Contains(externalId)) { Problem(row, ImportFields.ExternalId, Messages.Format("Imports.HiddenRecord", externalId)); continue; }
                var account = externalId is not null ? byId.GetValueOrDefault(externalId) : byName.GetValueOrDefault(NameOf(row));
                if (account is not null && !writable.Contains(account.Id)) { Problem(row, ImportFields.ExternalId, Messages.Format("Imports.ReadOnlyRecord")); continue; }
                var owner = await OwnerAsync(row, ct);
                if (row.Bad) continue;
                if (account is null)
                {
                    account = new Account { ExternalSource = externalId is null ? null : Source, ExternalId = externalId, OwnerId = owner };
                    Add(account);
                }
                account.Name = NameOf(row);
                account.Industry = Optional(row, ImportFields.Industry) ?? account.Industry;
                account.Size = Optional(row, ImportFields.Size) ?? account.Size;
                account.Region = Optional(row, ImportFields.Region) ?? account.Region;
                if (owner is not null) account.OwnerId = owner;
            }
        }

        /// <summary>The accounts the rows name, by external id or by name, read through the access rules.</summary>
        private async Task<Dictionary<string, Account>> AccountsOfAsync(List<Row> rows, CancellationToken ct)
        {
            var ids = rows.Select(r => Optional(r, ImportFields.AccountExternalId)).OfType<string>().Distinct().ToList();
            var names = rows.Where(r => Optional(r, ImportFields.AccountExternalId) is null).Select(r => Get(r, ImportFields.AccountName)).Distinct().ToList();
            var found = new Dictionary<string, Account>(StringComparer.Ordinal);
            if (ids.Count > 0)
                foreach (var a in await db.Accounts.AsNoTracking().Where(a => a.ExternalSource == Source && EF.Parameter(ids).Contains(a.ExternalId!)).ToListAsync(ct))
                    found[a.ExternalId!] = a;
            if (names.Count > 0)
                foreach (var a in await db.Accounts.AsNoTracking().Where(a => EF.Parameter(names).Contains(a.Name)).ToListAsync(ct))
                    found.TryAdd("name:" + a.Name, a);
            foreach (var row in rows)
            {
                if (found.ContainsKey(AccountKey(row))) continue;
                var field = Optional(row, ImportFields.AccountExternalId) is not null ? ImportFields.AccountExternalId : ImportFields.AccountName;
                Problem(row, field, Messages.Format("Imports.UnknownAccount", Get(row, field)));
            }
            return found;
        }

        private async Task ContactsAsync(List<Row> rows, CancellationToken ct)
        {
            var accounts = await AccountsOfAsync(rows, ct);
            var accountIds = accounts.Values.Select(a => a.Id).Distinct().ToList();
            var writableAccounts = (await db.Accounts.Where(a => EF.Parameter(accountIds).Contains(a.Id)).Where(db.CanWriteAccount).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            var ids = rows.Select(r => Optional(r, ImportFields.ExternalId)).OfType<string>().ToList();
            var byId = await db.People.Where(p => p.ExternalSource == Source && EF.Parameter(ids).Contains(p.ExternalId!)).ToDictionaryAsync(p => p.ExternalId!, ct);
            var names = rows.Where(r => Optional(r, ImportFields.ExternalId) is null).Select(NameOf).Distinct().ToList();
            var byName = names.Count == 0 ? [] : (await db.People.Where(p => EF.Parameter(accountIds).Contains(p.AccountId) && EF.Parameter(names).Contains(p.Name)).ToListAsync(ct))
                .GroupBy(p => (p.AccountId, p.Name)).ToDictionary(g => g.Key, g => g.First());
            var hidden = await HiddenIdsAsync(
                db.People.IgnoreQueryFilters().Where(p => p.ExternalSource == Source && EF.Parameter(ids).Contains(p.ExternalId!)).Select(p => p.ExternalId!),
                db.People.Where(p => p.ExternalSource == Source && EF.Parameter(ids).Contains(p.ExternalId!)).Select(p => p.ExternalId!), ct);
            var departmentNames = rows.Select(r => Get(r, ImportFields.Department)).Where(d => d.Length > 0).Distinct().ToList();
            var departments = departmentNames.Count == 0 ? [] : (await db.Departments.Where(d => EF.Parameter(accountIds).Contains(d.AccountId) && EF.Parameter(departmentNames).Contains(d.Name)).ToListAsync(ct))
                .GroupBy(d => (d.AccountId, d.Name)).ToDictionary(g => g.Key, g => g.First());

            foreach (var row in rows)
            {
                if (!accounts.TryGetValue(AccountKey(row), out var account)) continue;
                var externalId = Optional(row, ImportFields.ExternalId);
                if (externalId is not null && hidden.Contains(externalId)) { Problem(row, ImportFields.ExternalId, Messages.Format("Imports.HiddenRecord", externalId)); continue; }
                var person = externalId is not null ? byId.GetValueOrDefault(externalId) : byName.GetValueOrDefault((account.Id, NameOf(row)));
                if (!writableAccounts.Contains(account.Id) || (person is not null && !writableAccounts.Contains(person.AccountId)))
                {
                    Problem(row, Has(ImportFields.AccountExternalId) ? ImportFields.AccountExternalId : ImportFields.AccountName, Messages.Format("Imports.ReadOnlyRecord"));
                    continue;
                }
                if (person is null)
                {
                    person = new Person { ExternalSource = externalId is null ? null : Source, ExternalId = externalId, AccountId = account.Id };
                    Add(person);
                    if (externalId is not null) byId[externalId] = person;
                    else byName[(account.Id, NameOf(row))] = person;
                }
                person.AccountId = account.Id;
                person.Name = NameOf(row);
                person.Title = Optional(row, ImportFields.Title) ?? person.Title;
                person.Email = Optional(row, ImportFields.Email) ?? person.Email;
                person.Phone = Optional(row, ImportFields.Phone) ?? person.Phone;
                if (Optional(row, ImportFields.Department) is { } departmentName)
                {
                    if (!departments.TryGetValue((account.Id, departmentName), out var department))
                    {
                        department = new Department { AccountId = account.Id, Name = departmentName };
                        if (!job.DryRun) db.Departments.Add(department);
                        departments[(account.Id, departmentName)] = department;
                    }
                    person.DepartmentId = department.Id;
                }
            }
        }

        private async Task OpportunitiesAsync(List<Row> rows, CancellationToken ct)
        {
            var accounts = await AccountsOfAsync(rows, ct);
            var ids = rows.Select(r => Optional(r, ImportFields.ExternalId)).OfType<string>().ToList();
            var byId = await db.Opportunities.Where(o => o.ExternalSource == Source && EF.Parameter(ids).Contains(o.ExternalId!)).ToDictionaryAsync(o => o.ExternalId!, ct);
            var accountIds = accounts.Values.Select(a => a.Id).Distinct().ToList();
            var names = rows.Where(r => Optional(r, ImportFields.ExternalId) is null).Select(NameOf).Distinct().ToList();
            var byName = names.Count == 0 ? [] : (await db.Opportunities.Where(o => EF.Parameter(accountIds).Contains(o.AccountId) && EF.Parameter(names).Contains(o.Name)).ToListAsync(ct))
                .GroupBy(o => (o.AccountId, o.Name)).ToDictionary(g => g.Key, g => g.First());
            var hidden = await HiddenIdsAsync(
                db.Opportunities.IgnoreQueryFilters().Where(o => o.ExternalSource == Source && EF.Parameter(ids).Contains(o.ExternalId!)).Select(o => o.ExternalId!),
                db.Opportunities.Where(o => o.ExternalSource == Source && EF.Parameter(ids).Contains(o.ExternalId!)).Select(o => o.ExternalId!), ct);
            var existing = byId.Values.Concat(byName.Values).Select(o => o.Id).ToList();
            var writable = (await db.Opportunities.Where(o => EF.Parameter(existing).Contains(o.Id)).Where(db.CanWriteOpportunity).Select(o => o.Id).ToListAsync(ct)).ToHashSet();

            foreach (var row in rows)
            {
                if (!accounts.TryGetValue(AccountKey(row), out var account)) continue;
                var externalId = Optional(row, ImportFields.ExternalId);
                if (externalId is not null && hidden.Contains(externalId)) { Problem(row, ImportFields.ExternalId, Messages.Format("Imports.HiddenRecord", externalId)); continue; }
                var deal = externalId is not null ? byId.GetValueOrDefault(externalId) : byName.GetValueOrDefault((account.Id, NameOf(row)));
                if (deal is not null && !writable.Contains(deal.Id)) { Problem(row, ImportFields.ExternalId, Messages.Format("Imports.ReadOnlyRecord")); continue; }
                var owner = await OwnerAsync(row, ct);
                if (row.Bad) continue;
                if (deal is null)
                {
                    deal = new Opportunity { ExternalSource = externalId is null ? null : Source, ExternalId = externalId, OwnerId = owner };
                    Add(deal);
                    if (externalId is not null) byId[externalId] = deal;
                    else byName[(account.Id, NameOf(row))] = deal;
                }
                deal.AccountId = account.Id;
                deal.Name = NameOf(row);
                if (Optional(row, ImportFields.Amount) is { } amount && CellValues.TryNumber(amount, out var a)) deal.Objective.Amount = a;
                if (Optional(row, ImportFields.Quantity) is { } quantity && CellValues.TryNumber(quantity, out var q)) deal.Objective.Quantity = q;
                if (Optional(row, ImportFields.Currency) is { } currency) deal.Objective.Currency = currency.ToUpperInvariant();
                if (Optional(row, ImportFields.CloseDate) is { } date && CellValues.TryDate(date, out var d)) deal.Objective.CloseDate = d;
                if (Optional(row, ImportFields.Product) is { } product) deal.Objective.Product = product;
                if (Optional(row, ImportFields.Stage) is { } stage && CellValues.Stage(stage) is { } level) deal.FunnelLevel = level;
                if (owner is not null) deal.OwnerId = owner;
            }
        }

        // ---- pass 2: parents and reports-to ---------------------------------------------------------

        private async Task LinkBatchAsync(List<Row> rows, CancellationToken ct)
        {
            if (job.Kind == ImportKind.Accounts) await LinkParentsAsync(rows, ct);
            else await LinkManagersAsync(rows, ct);
            foreach (var row in rows.Where(r => r.Bad)) Record(row);
            // Links are counted with the rows of pass 1: a row is created, updated or unchanged once.
            DetectChangesOfLoadedRecords();
            await SaveProgressAsync(ct);
        }

        private async Task LinkParentsAsync(List<Row> rows, CancellationToken ct)
        {
            var withParent = rows.Where(r => Optional(r, ImportFields.ParentExternalId) is not null || Optional(r, ImportFields.ParentName) is not null).ToList();
            if (withParent.Count == 0) return;
            var selfIds = withParent.Select(r => Optional(r, ImportFields.ExternalId)).OfType<string>().ToList();
            var selfNames = withParent.Where(r => Optional(r, ImportFields.ExternalId) is null).Select(NameOf).ToList();
            var parentIds = withParent.Select(r => Optional(r, ImportFields.ParentExternalId)).OfType<string>().Distinct().ToList();
            var parentNames = withParent.Where(r => Optional(r, ImportFields.ParentExternalId) is null).Select(r => Get(r, ImportFields.ParentName)).Distinct().ToList();
            var selves = await db.Accounts.Where(a => (a.ExternalSource == Source && EF.Parameter(selfIds).Contains(a.ExternalId!)) || (a.ExternalId == null && EF.Parameter(selfNames).Contains(a.Name))).ToListAsync(ct);
            var parents = await db.Accounts.AsNoTracking().Where(a => (a.ExternalSource == Source && EF.Parameter(parentIds).Contains(a.ExternalId!)) || EF.Parameter(parentNames).Contains(a.Name))
                .Select(a => new { a.Id, a.ExternalId, a.Name, a.ParentAccountId }).ToListAsync(ct);
            // Parents as they will be after this batch: what it sets, else what was read, else the database.
            var parentOf = parents.ToDictionary(p => p.Id, p => p.ParentAccountId);
            // In a dry run nothing was saved: a reference to a row of the file counts as found.
            var inFile = job.DryRun ? await _keys.FoundAsync(parentIds.Select(IdKey).Concat(parentNames.Select(NameKeyOf)).ToList(), ct) : [];

            foreach (var row in withParent)
            {
                var byId = Optional(row, ImportFields.ParentExternalId);
                var field = byId is not null ? ImportFields.ParentExternalId : ImportFields.ParentName;
                var reference = Get(row, field);
                var parent = byId is not null ? parents.FirstOrDefault(p => p.ExternalId == byId) : parents.FirstOrDefault(p => p.Name == reference);
                if (parent is null && !inFile.Contains(byId is not null ? IdKey(byId) : NameKeyOf(reference))) { Problem(row, field, Messages.Format("Imports.UnknownParent", reference)); continue; }
                if (job.DryRun || parent is null) continue;
                var self = Optional(row, ImportFields.ExternalId) is { } id ? selves.FirstOrDefault(a => a.ExternalId == id) : selves.FirstOrDefault(a => a.Name == NameOf(row));
                if (self is null) continue;
                if (await ParentWouldLoopAsync(self.Id, parent.Id, parentOf, ct)) { Problem(row, field, Messages.Format("ParentCycle")); continue; }
                self.ParentAccountId = parent.Id;
                parentOf[self.Id] = parent.Id;
            }
        }

        /// <summary>Whether the new parent is the account itself or below it. Groups are a few levels deep: walk up from the new parent.</summary>
        private async Task<bool> ParentWouldLoopAsync(Guid self, Guid parent, Dictionary<Guid, Guid?> parentOf, CancellationToken ct)
        {
            var seen = new HashSet<Guid>();
            for (Guid? current = parent; current is { } id; )
            {
                if (id == self || !seen.Add(id)) return true;
                if (!parentOf.TryGetValue(id, out current))
                    parentOf[id] = current = await db.Accounts.IgnoreQueryFilters([AppDbContext.Filters.RecycleBin])
                        .Where(a => a.Id == id).Select(a => a.ParentAccountId).SingleOrDefaultAsync(ct);
            }
            return false;
        }

        private async Task LinkManagersAsync(List<Row> rows, CancellationToken ct)
        {
            var withManager = rows.Where(r => Optional(r, ImportFields.ReportsToExternalId) is not null || Optional(r, ImportFields.ReportsToName) is not null).ToList();
            if (withManager.Count == 0) return;
            var selfIds = withManager.Select(r => Optional(r, ImportFields.ExternalId)).OfType<string>().ToList();
            var selfNames = withManager.Where(r => Optional(r, ImportFields.ExternalId) is null).Select(NameOf).ToList();
            var managerIds = withManager.Select(r => Optional(r, ImportFields.ReportsToExternalId)).OfType<string>().Distinct().ToList();
            var managerNames = withManager.Where(r => Optional(r, ImportFields.ReportsToExternalId) is null).Select(r => Get(r, ImportFields.ReportsToName)).Distinct().ToList();
            var selves = await db.People.Where(p => (p.ExternalSource == Source && EF.Parameter(selfIds).Contains(p.ExternalId!)) || (p.ExternalId == null && EF.Parameter(selfNames).Contains(p.Name))).ToListAsync(ct);
            var managers = await db.People.AsNoTracking().Where(p => (p.ExternalSource == Source && EF.Parameter(managerIds).Contains(p.ExternalId!)) || EF.Parameter(managerNames).Contains(p.Name))
                .Select(p => new { p.Id, p.ExternalId, p.Name, p.AccountId }).ToListAsync(ct);
            var accountIds = selves.Select(p => p.AccountId).Distinct().ToList();
            // Who reports to whom in these accounts, to refuse a loop (A reports to B reports to A).
            var inFile = job.DryRun
                ? await _keys.FoundAsync(withManager.Select(r => Optional(r, ImportFields.ReportsToExternalId) is { } m ? IdKey(m) : NameKeyOf(AccountKey(r) + "\n" + Get(r, ImportFields.ReportsToName))).Distinct().ToList(), ct)
                : [];
            var chart = job.DryRun ? [] : await db.People.AsNoTracking().Where(p => EF.Parameter(accountIds).Contains(p.AccountId))
                .Select(p => new { p.Id, p.ReportsToId }).ToDictionaryAsync(p => p.Id, p => p.ReportsToId, ct);

            foreach (var row in withManager)
            {
                var byId = Optional(row, ImportFields.ReportsToExternalId);
                var field = byId is not null ? ImportFields.ReportsToExternalId : ImportFields.ReportsToName;
                var reference = Get(row, field);
                var self = Optional(row, ImportFields.ExternalId) is { } id ? selves.FirstOrDefault(p => p.ExternalId == id) : selves.FirstOrDefault(p => p.Name == NameOf(row));
                var manager = byId is not null
                    ? managers.FirstOrDefault(m => m.ExternalId == byId)
                    : managers.FirstOrDefault(m => m.Name == reference && (self is null || m.AccountId == self.AccountId));
                if (manager is null && !inFile.Contains(byId is not null ? IdKey(byId) : NameKeyOf(AccountKey(row) + "\n" + reference))) { Problem(row, field, Messages.Format("Imports.UnknownReportsTo", reference)); continue; }
                if (job.DryRun || manager is null || self is null) continue;
                if (manager.AccountId != self.AccountId) { Problem(row, field, Messages.Format("Imports.ReportsToOtherAccount", reference)); continue; }
                if (OrgChart.WouldCreateCycle(self.Id, manager.Id, chart)) { Problem(row, field, Messages.Format("ReportsToCycle")); continue; }
                self.ReportsToId = manager.Id;
                chart[self.Id] = manager.Id;
            }
        }

        // ---- problems and the error file --------------------------------------------------------------

        private void Record(Row row)
        {
            _badRows.Add(row.Number);
            foreach (var (column, message) in row.Problems)
            {
                _problems++;
                if (_kept.Count < KeptProblems) _kept.Add(new ImportProblem(row.Number, column, message));
            }
            _errors ??= OpenErrorFile();
            // A row found bad in both passes is written once per pass, each line with that pass's problems.
            var cells = _columns.Select((_, i) => i < row.Cells.Length ? row.Cells[i] : "").Prepend(row.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(string.Join("; ", row.Problems.Select(p => p.Column is null ? p.Message : $"{p.Column}: {p.Message}")));
            _errors.WriteLine(string.Join(',', cells.Select(Csv)));
        }

        private StreamWriter OpenErrorFile()
        {
            var path = ImportFiles.Errors(options, job.Id);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // UTF-8 with a byte-order mark, so Excel shows Chinese text as such.
            var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.WriteLine(string.Join(',', _columns.Prepend(Messages.Format("Imports.RowColumn")).Append(Messages.Format("Imports.ProblemColumn")).Select(Csv)));
            return writer;
        }

        public void CloseErrorFile()
        {
            _errors?.Dispose();
            _errors = null;
        }

        /// <summary>A CSV cell, quoted when needed; text a spreadsheet would run is prefixed with ' so the error file is safe to open.</summary>
        private static string Csv(string text)
        {
            if (CellValues.IsFormulaLike(text)) text = "'" + text;
            return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
        }
    }
}
