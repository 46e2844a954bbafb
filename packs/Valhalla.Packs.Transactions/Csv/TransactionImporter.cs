using Microsoft.AspNetCore.Http;
using Valhalla.Contracts;
using Valhalla.Contracts.Access;
using Valhalla.Contracts.Budget;
using Valhalla.Contracts.Services;
using Valhalla.Contracts.Values;
using Valhalla.Packs.Kit;

namespace Valhalla.Packs.Transactions;

/// <summary>
/// Imports a CSV file into the ledger under the rules of a post (bucket checks, obligation gating,
/// the bucket-month ceiling, a money event each), skipping rows the ledger already holds. All or
/// nothing unless the caller asks to skip invalid rows; a dry run only answers what would happen.
/// </summary>
public sealed class TransactionImporter(ImportStore imports, TransactionStore ledger, IPackServices packs, MoneyEvents events, TimeProvider time)
{
    public async Task<ImportResult> ImportAsync(TextReader text, ImportOptions options, Caller? caller, CancellationToken ct)
    {
        if (options.GatingOff && caller?.Has(AccessScope.Admin) != true)
        {
            throw new PackProblemException(StatusCodes.Status403Forbidden, "Only an admin key may turn gating off.",
                "gating=off posts expenses that obligations would hold back; import with an admin key, or leave gating on.");
        }

        var parsed = await CsvLedgerReader.ReadAsync(text, options, ct);
        var existing = await imports.FindExistingAsync(parsed.Rows.Select(r => r.ImportId), ct);
        List<ImportDuplicate> duplicates = [.. parsed.Duplicates, .. parsed.Rows.Where(r => existing.Contains(r.ImportId)).Select(r => new ImportDuplicate(r.Line, r.ImportId))];
        List<ImportError> errors = [.. parsed.Errors];
        var valid = await new ImportRules(ledger, packs, options.GatingOff).CheckAsync([.. parsed.Rows.Where(r => !existing.Contains(r.ImportId))], errors, ct);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        duplicates.Sort((a, b) => a.Line.CompareTo(b.Line));
        var invalid = errors.Select(e => e.Line).Distinct().Count();

        if (invalid > 0 && !options.SkipInvalid && !options.DryRun)
        {
            throw new PackProblemException(StatusCodes.Status400BadRequest, "The file has invalid rows; nothing was imported.",
                $"{invalid} of {parsed.Records} rows are invalid (first: line {errors[0].Line}, {errors[0].Message}). Fix them, " +
                "preview with dry_run=true, or send skip_invalid=true to import the valid rows.")
            {
                Extensions = new Dictionary<string, object?> { ["invalid_rows"] = errors },
            };
        }

        if (options.DryRun)
        {
            return new ImportResult(true, parsed.Records, valid.Count, 0, duplicates.Count, invalid, parsed.VoidSkipped, errors, duplicates, valid);
        }

        var late = await InsertAsync(valid, ct);
        duplicates.AddRange(late.Select(r => new ImportDuplicate(r.Line, r.ImportId)));
        duplicates.Sort((a, b) => a.Line.CompareTo(b.Line));
        var created = valid.Count - late.Count;
        return new ImportResult(false, parsed.Records, created, created, duplicates.Count, invalid, parsed.VoidSkipped, errors, duplicates, null);
    }

    private async Task<IReadOnlyList<ImportRow>> InsertAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        return await imports.InsertAsync(rows, Timestamps.Now(time),
            (row, id) => events.Create("transaction.posted", id, row.Amount, $"{row.TxType} {row.Date:yyyy-MM-dd} (import line {row.Line})"), ct);
    }
}
