-- kmslint's language server (`kmslint lsp --stdio`) in Neovim's built-in LSP client.
-- Neovim 0.8+ starts it with vim.lsp.start; 0.7 (Debian's) with vim.lsp.start_client and
-- vim.lsp.buf_attach_client. Set-up: docs/editors.md.
--
--   vim.opt.runtimepath:append('/path/to/kmslint/editors/nvim')
--   require('kmslint').setup({ accounts = { '111122223333' } })

local M = {}

-- The CLI's config discovery reads these (src/config/load.ts); package.json may hold a `kmslint` key.
local CONFIG_FILES = {
  '.kmslintrc', '.kmslintrc.json', '.kmslintrc.yaml', '.kmslintrc.yml',
  '.kmslintrc.js', '.kmslintrc.cjs', '.kmslintrc.mjs',
  'kmslint.config.json', 'kmslint.config.yaml', 'kmslint.config.yml',
  'kmslint.config.js', 'kmslint.config.cjs', 'kmslint.config.mjs',
  'package.json',
}

local defaults = {
  -- The server command; nil: <root>/node_modules/.bin/kmslint when executable, else kmslint on PATH.
  cmd = nil,
  filetypes = { 'yaml', 'json', 'terraform' },
  -- Accounts this code deploys to (like --account) and a config file to use instead of discovery
  -- (like --config), sent as the `kmslint` settings.
  accounts = {},
  config_file = nil,
  on_attach = nil,
  capabilities = nil,
}

local options = vim.deepcopy(defaults)

-- Neovim 0.7 has one client per start_client call: keep one per root directory.
local clients_by_root = {}

-- Neovim 0.11 made client methods `client:notify()`; before, `client.notify()` closes over the client.
local function notify(client, method, params)
  if vim.fn.has('nvim-0.11') == 1 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

local function nearest_ancestor(dir, names)
  local current = dir
  while true do
    for _, name in ipairs(names) do
      if exists(current .. '/' .. name) then
        return current
      end
    end
    local up = vim.fn.fnamemodify(current, ':h')
    if up == current then
      return nil
    end
    current = up
  end
end

--- The workspace folder for a file in `dir`: the repository (.git), else the nearest folder with a
--- kmslint config or package.json, else `dir` itself.
function M.root_dir(dir)
  return nearest_ancestor(dir, { '.git' }) or nearest_ancestor(dir, CONFIG_FILES) or dir
end

local function server_cmd(root)
  if options.cmd then
    return options.cmd
  end
  local path = root .. '/node_modules/.bin/kmslint'
  if vim.fn.executable(path) == 1 then
    return { path, 'lsp', '--stdio' }
  end
  return { 'kmslint', 'lsp', '--stdio' }
end

-- An empty Lua table would go out as the JSON object {}, not a list: leave unset values out.
local function server_settings()
  local settings = {}
  if options.accounts and #options.accounts > 0 then
    settings.accounts = options.accounts
  end
  settings.configFile = options.config_file
  return settings
end

local function client_config(root)
  return {
    name = 'kmslint',
    cmd = server_cmd(root),
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = server_settings(),
    settings = { kmslint = server_settings() },
    capabilities = options.capabilities,
    on_attach = options.on_attach,
    -- Neovim sends no settings unless asked: push them once the server is up (it may also ask
    -- with workspace/configuration, answered from `settings`).
    on_init = function(client)
      notify(client, 'workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
  }
end

--- Attaches kmslint to a buffer (the FileType autocommand does this for `filetypes`).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == '' or vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local root = M.root_dir(vim.fn.fnamemodify(name, ':p:h'))
  if vim.lsp.start then
    return vim.lsp.start(client_config(root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  local running = id and vim.lsp.get_client_by_id(id)
  if not running or running.is_stopped() then
    id = vim.lsp.start_client(client_config(root))
    clients_by_root[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

-- Neovim before 0.9 does not watch files for the server: tell it when a config is written here.
local function notify_config_written(path)
  local change = { changes = { { uri = vim.uri_from_fname(path), type = 2 } } }
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ name = 'kmslint' }) or vim.lsp.get_active_clients()
  for _, client in pairs(clients) do
    if client.name == 'kmslint' then
      notify(client, 'workspace/didChangeWatchedFiles', change)
    end
  end
end

function M.setup(opts)
  options = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('kmslint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = options.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  vim.api.nvim_create_autocmd('BufWritePost', {
    group = group,
    pattern = CONFIG_FILES,
    callback = function(args)
      notify_config_written(vim.fn.fnamemodify(args.file, ':p'))
    end,
  })
  -- Buffers opened before setup ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(options.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
end

return M
