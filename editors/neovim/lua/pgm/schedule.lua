--- `:PgmSchedule`: `pgm schedule` for the current workspace, in a split.
local M = {}

local BUFFER_NAME = "pgm://schedule"

--- The workspace of the current buffer: its server's root, else the
--- nearest folder with a root marker, else the current directory.
---@return string
function M.root()
  local client = vim.lsp.get_clients({ bufnr = 0, name = "pgm" })[1]
  if client and client.root_dir then
    return client.root_dir
  end
  return vim.fs.root(0, vim.lsp.config.pgm.root_markers) or vim.fn.getcwd()
end

--- The command line, with the settings the server is given, so that both
--- read the plan as of the same day.
---@param root string
---@return string[]
function M.command(root)
  local pgm = require("pgm")
  local cmd = pgm.pgm_cmd("schedule")
  local settings = pgm.options.settings or {}
  if settings.today then
    vim.list_extend(cmd, { "--today", settings.today })
  end
  if settings.exposureThreshold then
    vim.list_extend(cmd, { "--exposure-threshold", tostring(settings.exposureThreshold) })
  end
  table.insert(cmd, root)
  return cmd
end

--- The schedule buffer's window, opening a split for it when none shows it.
---@return integer buffer
local function schedule_buffer()
  local buf = vim.fn.bufnr(BUFFER_NAME)
  if buf == -1 then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, BUFFER_NAME)
    vim.bo[buf].bufhidden = "hide"
    vim.keymap.set("n", "q", "<cmd>close<cr>", { buffer = buf, desc = "Close the schedule" })
  end
  local win = vim.fn.bufwinid(buf)
  if win == -1 then
    vim.cmd("botright split")
    win = vim.api.nvim_get_current_win()
    vim.api.nvim_win_set_buf(win, buf)
  end
  vim.wo[win].wrap = false
  return buf
end

---@param buf integer
---@param lines string[]
local function set_lines(buf, lines)
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
end

function M.show()
  local root = M.root()
  local cmd = M.command(root)
  local ok, started = pcall(vim.system, cmd, { text = true, cwd = root }, function(result)
    vim.schedule(function()
      if result.code ~= 0 then
        vim.notify(
          ("pgm: `%s` failed (exit %d):\n%s"):format(
            table.concat(cmd, " "),
            result.code,
            result.stderr
          ),
          vim.log.levels.ERROR
        )
        return
      end
      local buf = schedule_buffer()
      local lines = vim.split(vim.trim(result.stdout), "\n", { plain = true })
      table.insert(lines, 1, ("Schedule of %s"):format(root))
      table.insert(lines, 2, "")
      set_lines(buf, lines)
    end)
  end)
  if not ok then
    vim.notify(
      ("pgm: cannot run `%s` (%s); install pgm or set `cmd` in require('pgm').setup()"):format(
        cmd[1],
        started
      ),
      vim.log.levels.ERROR
    )
  end
end

return M
