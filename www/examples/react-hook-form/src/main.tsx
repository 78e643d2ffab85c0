import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { NewLeadForm } from './NewLeadForm.tsx';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <NewLeadForm />
  </StrictMode>,
);
