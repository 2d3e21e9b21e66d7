"""CLI output in the user's language."""

from core import i18n

MESSAGES = {
    "cli.not_empty": {
        "zh_CN": "数据文件夹 {path} 已有数据；如要覆盖请加 --force（现有数据会先备份）。",
        "en": "The data folder {path} already holds data; add --force to replace it "
        "(the current data is backed up first).",
    },
    "cli.demo_done": {
        "zh_CN": "演示工厂已创建：{path}（{people} 人）。登录：{username} / {password}",
        "en": "Demo plant created in {path} ({people} people). Log in: {username} / {password}",
    },
    "cli.check_ok": {"zh_CN": "数据文件完好：{path}", "en": "The data file is sound: {path}"},
    "cli.no_display": {
        "zh_CN": "没有图形显示（未设置 DISPLAY），已将主要页面截图保存到 {path}",
        "en": "No display (DISPLAY is not set); the main pages were rendered to {path}",
    },
    "cli.unknown_page": {
        "zh_CN": "没有页面“{page}”。可用页面：{pages}",
        "en": "There is no page “{page}”. Pages: {pages}",
    },
    "cli.import_ok": {
        "zh_CN": "导入完成：新增 {created} 人，更新 {updated} 人，未变或跳过 {skipped} 人。",
        "en": "Import done: {created} added, {updated} updated, {skipped} unchanged or skipped.",
    },
    "cli.import_dry": {
        "zh_CN": "检查通过：{count} 行可以导入（未写入，--dry-run）。",
        "en": "Check passed: {count} rows can be imported (nothing written, --dry-run).",
    },
    "cli.import_failed": {
        "zh_CN": "发现 {count} 处问题，未导入任何数据。",
        "en": "Problems found: {count}. Nothing was imported.",
    },
    "cli.unmatched": {
        "zh_CN": "未识别的列（可用 --map '表头=字段' 指定）：{headers}",
        "en": "Unrecognised columns (map them with --map 'header=field'): {headers}",
    },
    "cli.not_initialised": {
        "zh_CN": "数据文件夹 {path} 还没有工厂。请先运行程序完成首次设置，或运行 demo。",
        "en": "The data folder {path} has no plant yet. Run the app's first-time set-up or `demo`.",
    },
    "cli.bad_size": {
        "zh_CN": "尺寸格式应为 宽x高，例如 1600x1000。",
        "en": "The size must look like WIDTHxHEIGHT, e.g. 1600x1000.",
    },
    "cli.no_data": {
        "zh_CN": "数据文件夹 {path} 中没有安全台数据（请检查路径，或先运行 demo / 打开程序新建工厂）。",
        "en": "There is no SafeDesk data in {path} (check the path, or run `demo` or the app first).",
    },
    "cli.unexpected": {
        "zh_CN": "发生意外错误：{error}。详细信息已写入 {log}",
        "en": "Unexpected error: {error}. Details were written to {log}",
    },
    "cli.output_required": {
        "zh_CN": "请用 -o 文件.png 指定输出文件。",
        "en": "Please give the output file with -o FILE.png.",
    },
    "cli.equipment.import_ok": {
        "zh_CN": "导入完成：新增 {created} 台，更新 {updated} 台，未变或跳过 {skipped} 台。",
        "en": "Import done: {created} machines added, {updated} updated, "
        "{skipped} unchanged or skipped.",
    },
    "cli.equipment.skipped_hint": {
        "zh_CN": "其中 {skipped} 台的设备编号已存在，未作修改；如要用文件内容更新它们，请加 --update。",
        "en": "{skipped} of them have codes already in the registry and were left as they are; "
        "add --update to update them from the file.",
    },
    "cli.equipment.export_ok": {
        "zh_CN": "已导出 {count} 台设备：{path}",
        "en": "Exported {count} machines to {path}",
    },
    "cli.equipment.export_title": {
        "zh_CN": "{plant}设备台账（{date} 导出）",
        "en": "{plant} equipment register (exported {date})",
    },
    "cli.equipment.unknown_filter": {
        "zh_CN": "没有{what_zh}“{value}”。可用：{choices}",
        "en": "There is no {what_en} “{value}”. Known: {choices}",
    },
    "cli.equipment.ambiguous_filter": {
        "zh_CN": "有 {count} 项都叫“{value}”，请改用代码。",
        "en": "{count} entries are called “{value}”; use the code instead.",
    },
    "cli.equipment.what.area": {"zh_CN": "区域", "en": "area"},
    "cli.equipment.what.type": {"zh_CN": "设备类型", "en": "equipment type"},
    "cli.equipment.what.status": {"zh_CN": "设备状态", "en": "status"},
}
i18n.register(MESSAGES)
